package fr.guichet.providerkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.document.DocumentStore.StoredDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SandboxDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://raw.githubusercontent.com/datagouv/apistration/refs/heads/develop/mocks/payloads/";
    private static final byte[] PDF = {'%', 'P', 'D', 'F'};

    private final List<byte[]> stored = new ArrayList<>();
    private final Function<byte[], StoredDocument> store = content -> {
        stored.add(content);
        return new StoredDocument("u" + stored.size(), "http://gw/proxy/files/u" + stored.size(), 60);
    };
    private final Function<String, Optional<byte[]>> files = name -> Optional.ofNullable(Map.of("op_a/sample.pdf", PDF).get(name));

    @Test
    void aShippedSampleIsStoredAndLinkedWithItsLifetime() throws Exception {
        String payload = "{\"data\":{\"document_url\":\"" + BASE + "op_a/sample.pdf\",\"document_url_expires_in\":86400,\"x\":1}}";
        JsonNode out = JSON.readTree(SandboxDocuments.rewrite(payload, files, store));
        assertEquals("http://gw/proxy/files/u1", out.at("/data/document_url").asText());
        assertEquals(60, out.at("/data/document_url_expires_in").asLong());
        assertEquals(1, out.at("/data/x").asInt());
        assertArrayEquals(PDF, stored.get(0));
    }

    @Test
    void everyDocumentOfAListIsStoredAndExpiresInIsTheFallbackExpiryField() throws Exception {
        String item = "{\"data\":{\"document_url\":\"" + BASE + "op_a/sample.pdf\",\"expires_in\":7889238}}";
        JsonNode out = JSON.readTree(SandboxDocuments.rewrite("{\"data\":[" + item + "," + item + "]}", files, store));
        assertEquals("http://gw/proxy/files/u1", out.at("/data/0/data/document_url").asText());
        assertEquals("http://gw/proxy/files/u2", out.at("/data/1/data/document_url").asText());
        assertEquals(60, out.at("/data/1/data/expires_in").asLong());
    }

    @Test
    void aUrlNamingNoShippedFileOrAnotherFieldLeavesThePayloadAsItIs() {
        String other = "{\"data\":{\"document_url\":\"" + BASE + "op_b/missing.pdf\",\"url\":\"" + BASE + "op_a/sample.pdf\"}}";
        assertSame(other, SandboxDocuments.rewrite(other, files, store));
        String nullUrl = "{\"data\":{\"document_url\":null}}";
        assertSame(nullUrl, SandboxDocuments.rewrite(nullUrl, files, store));
        assertEquals(0, stored.size());
    }

    @Test
    void theConfiguredLinkFieldsAreRewrittenAtAnyDepth() throws Exception {
        String payload = "{\"data\":{\"bilans\":[{\"url\":\"" + BASE + "op_a/sample.pdf\",\"type\":\"bilan\"}],"
                + "\"document_url\":\"" + BASE + "op_a/sample.pdf\"}}";
        JsonNode out = JSON.readTree(SandboxDocuments.rewrite(payload, List.of("document_url", "url"), files, store));
        assertEquals("http://gw/proxy/files/u1", out.at("/data/document_url").asText());
        assertEquals("http://gw/proxy/files/u2", out.at("/data/bilans/0/url").asText());
        assertEquals("bilan", out.at("/data/bilans/0/type").asText());
        assertEquals(2, stored.size());
    }

    @Test
    void sampleNamesAreTheLastTwoSegmentsNeverAParentPath() {
        assertEquals(Optional.of("op_a/sample.pdf"), SandboxDocuments.sampleName(BASE + "op_a/sample.pdf"));
        assertEquals(Optional.empty(), SandboxDocuments.sampleName("https://h/sample.pdf"));
        assertEquals(Optional.empty(), SandboxDocuments.sampleName("https://h/a/../b.pdf"));
        assertEquals(Optional.empty(), SandboxDocuments.sampleName("not a url"));
    }
}
