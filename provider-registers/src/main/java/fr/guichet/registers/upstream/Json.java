package fr.guichet.registers.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.operation.ProviderAnswer;

/** Answers serialised once, as the kit sends them to the gateway. */
public final class Json {

    private Json() {
    }

    /** A 200 answer of {@code body}. */
    public static ProviderAnswer ok(ObjectMapper json, Object body) {
        try {
            return ProviderAnswer.json(200, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserialisable answer body", e);
        }
    }
}
