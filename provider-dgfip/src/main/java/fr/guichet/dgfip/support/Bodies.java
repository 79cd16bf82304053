package fr.guichet.dgfip.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.providerkit.operation.ProviderAnswer;

/** API Entreprise envelopes: {@code {"data": ..., "links": {}, "meta": {}}}. */
public final class Bodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Bodies() {
    }

    public static ObjectNode envelope(JsonNode data) {
        return envelope(data, NODES.objectNode());
    }

    public static ObjectNode envelope(JsonNode data, ObjectNode meta) {
        ObjectNode body = NODES.objectNode();
        body.set("data", data);
        body.set("links", NODES.objectNode());
        body.set("meta", meta);
        return body;
    }

    /** 200 with {@code body}, serialised once for the gateway. */
    public static ProviderAnswer ok(JsonNode body) {
        return ProviderAnswer.json(200, body.toString());
    }
}
