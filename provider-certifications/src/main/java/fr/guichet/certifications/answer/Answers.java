package fr.guichet.certifications.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.document.DocumentStore.StoredDocument;
import fr.guichet.providerkit.operation.ProviderAnswer;
import java.io.UncheckedIOException;
import java.util.Map;

/** The 200 answers of this provider's handlers, in API Entreprise's shapes. */
public final class Answers {

    private Answers() {
    }

    /** 200 with {@code body} (a mapping record) serialised. */
    public static ProviderAnswer ok(ObjectMapper json, Object body) {
        try {
            return ProviderAnswer.json(200, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 200 with API Entreprise's document answer (its v3 {@code DocumentSerializer}): the stored
     * copy's URL and lifetime in seconds, {@code {"data":{"document_url","expires_in"},"links":{},"meta":{}}}.
     */
    public static ProviderAnswer document(ObjectMapper json, StoredDocument stored) {
        return ok(json, new DocumentBody(new DocumentData(stored.url(), stored.expiresIn()), Map.of(), Map.of()));
    }

    record DocumentBody(DocumentData data, Map<String, Object> links, Map<String, Object> meta) {
    }

    record DocumentData(@JsonProperty("document_url") String documentUrl, @JsonProperty("expires_in") long expiresIn) {
    }
}
