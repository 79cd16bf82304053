package fr.guichet.providerkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode body(String data) throws Exception {
        return (ObjectNode) JSON.readTree("{\"data\":" + data + ",\"links\":{},\"meta\":{}}");
    }

    @Test
    void theSampleIsTheFileNamedAtTheEndOfTheCasesUrl() throws Exception {
        assertEquals(Optional.of("test_cibtp_certificat.pdf"), SandboxDocuments.sampleName(body(
                "{\"document_url\":\"https://raw.githubusercontent.com/x/mocks/payloads/op/test_cibtp_certificat.pdf\",\"expires_in\":600}")));
        assertEquals(Optional.empty(), SandboxDocuments.sampleName(body("{\"document_url\":\"https://example.org/\"}")));
        assertEquals(Optional.empty(), SandboxDocuments.sampleName(body("{\"status\":\"up_to_date\"}")));
    }

    @Test
    void theStoredCopyLivesAsTheCaseSaysAtMostADay() throws Exception {
        assertEquals(Duration.ofSeconds(600), SandboxDocuments.ttl(body("{\"document_url\":\"u\",\"expires_in\":600}")));
        assertEquals(Duration.ofDays(1), SandboxDocuments.ttl(body("{\"document_url\":\"u\",\"expires_in\":7889238}")));
        assertEquals(Duration.ofSeconds(3600), SandboxDocuments.ttl(body("{\"document_url\":\"u\",\"document_url_expires_in\":3600}")));
        assertEquals(Duration.ofDays(1), SandboxDocuments.ttl(body("{\"document_url\":\"u\"}")));
    }

    @Test
    void onlyTheUrlAndItsExpiryChange() throws Exception {
        ObjectNode v3 = body("{\"document_url\":\"https://x/a.pdf\",\"expires_in\":7889238,\"other\":1}");
        assertEquals(body("{\"document_url\":\"http://gw/proxy/files/1\",\"expires_in\":86400,\"other\":1}").toString(),
                SandboxDocuments.rewrite(v3, "http://gw/proxy/files/1", 86400).toString());
        ObjectNode v4 = body("{\"document_url\":\"https://x/a.pdf\",\"document_url_expires_in\":10}");
        assertEquals(body("{\"document_url\":\"http://gw/proxy/files/2\",\"document_url_expires_in\":10}").toString(),
                SandboxDocuments.rewrite(v4, "http://gw/proxy/files/2", 10).toString());
    }
}
