package fr.guichet.acoss.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A body and its HTTP status, as the resources hand it to the gateway. */
public record Answer(int status, Object body) {

    public static Answer ok(Object body) {
        return new Answer(200, body);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
