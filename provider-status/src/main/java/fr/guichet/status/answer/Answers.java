package fr.guichet.status.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.operation.ProviderAnswer;
import java.io.UncheckedIOException;
import java.util.Map;

/** The 200 answers of this provider's handlers, in API Particulier's v3 envelope. */
public final class Answers {

    private Answers() {
    }

    /** 200 with {@code {"data": <data>, "links": {}, "meta": {}}}, {@code data} a mapping record. */
    public static ProviderAnswer ok(ObjectMapper json, Object data) {
        try {
            return ProviderAnswer.json(200, json.writeValueAsString(new Envelope(data, Map.of(), Map.of())));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Envelope(Object data, Map<String, Object> links, Map<String, Object> meta) {
    }
}
