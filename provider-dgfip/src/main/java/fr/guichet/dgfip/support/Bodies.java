package fr.guichet.dgfip.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

    public static Response json(int status, JsonNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    public static Response ok(JsonNode body) {
        return json(200, body);
    }
}
