package fr.guichet.acoss.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.operation.ProviderAnswer;

/** A body and its HTTP status, as the services hand it to the kit's dispatcher. */
public record Answer(int status, Object body) {

    public static Answer ok(Object body) {
        return new Answer(200, body);
    }

    /** The answer serialised once, as the kit sends it to the gateway. */
    public ProviderAnswer toProviderAnswer(ObjectMapper json) {
        try {
            return ProviderAnswer.json(status, body instanceof String text ? text : json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserialisable answer body", e);
        }
    }
}
