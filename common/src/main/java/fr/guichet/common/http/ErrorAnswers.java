package fr.guichet.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.logging.RequestIds;
import io.vertx.core.http.HttpServerResponse;

/**
 * A refusal in the error model written from a plain Vert.x handler, where no REST exception mapper
 * runs (refusals before any route, ahead of the body's reading): status, JSON body, and the
 * request id when there is one.
 */
public final class ErrorAnswers {

    private ErrorAnswers() {
    }

    /**
     * Ends {@code response} with {@code refusal}: its status, {@code Content-Type: application/json},
     * {@value RequestIds#HEADER} when {@code requestId} is not null, and its body.
     */
    public static void end(HttpServerResponse response, ObjectMapper mapper, ApiException refusal, String requestId) {
        response.setStatusCode(refusal.status()).putHeader("Content-Type", "application/json");
        if (requestId != null) {
            response.putHeader(RequestIds.HEADER, requestId);
        }
        response.end(json(mapper, refusal));
    }

    /** The JSON of {@code refusal}'s body; its first code alone should Jackson ever fail on it. */
    static String json(ObjectMapper mapper, ApiException refusal) {
        try {
            return mapper.writeValueAsString(refusal.body());
        } catch (JsonProcessingException e) {
            // An error body of strings and maps always serialises; keep the model if it ever does not.
            return "{\"errors\":[{\"code\":\"" + refusal.errors().get(0).code() + "\"}]}";
        }
    }
}
