package fr.guichet.portal.demarche.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * What a failed token-service call means for a page: its HTTP status (0 when unreachable) and a
 * French message to show, the detail of the API Entreprise error body when there is one.
 */
public record TokenServiceFailure(int status, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The failure behind {@code e}, a client error or a transport failure. */
    public static TokenServiceFailure of(RuntimeException e) {
        if (e instanceof WebApplicationException w && w.getResponse() != null) {
            Response r = w.getResponse();
            return new TokenServiceFailure(r.getStatus(), detail(r).orElse(defaultMessage(r.getStatus())));
        }
        return new TokenServiceFailure(0, defaultMessage(0));
    }

    private static java.util.Optional<String> detail(Response r) {
        try {
            String body = r.readEntity(String.class);
            JsonNode error = JSON.readTree(body).path("errors").path(0);
            String detail = error.path("detail").asText("");
            return detail.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(detail);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException ignored) {
            return java.util.Optional.empty();
        }
    }

    private static String defaultMessage(int status) {
        if (status == 429) {
            return "Trop de demandes : patientez quelques instants avant de réessayer.";
        }
        if (status == 404) {
            return "Cette démarche n'existe pas ou vous n'en êtes pas contact.";
        }
        if (status == 0 || status >= 500) {
            return "Le service est momentanément indisponible. Réessayez dans quelques minutes.";
        }
        return "La demande n'a pas abouti (statut " + status + ").";
    }

    /** Whether the session is no longer accepted (expired, or the person lost their access). */
    public boolean sessionEnded() {
        return status == 401 || status == 403;
    }
}
