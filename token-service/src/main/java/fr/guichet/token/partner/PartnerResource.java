package fr.guichet.token.partner;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.token.auth.SessionTokens;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.Contacts;
import fr.guichet.token.habilitation.HabilitationView;
import fr.guichet.token.oauth.OAuthClientView;
import fr.guichet.token.token.TokenView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Partner dashboard API (role {@code partner}): only the démarches the person is a contact of ({@link DemarcheAccess}). */
@Tag(name = "Espace partenaire", description = "Habilitations, jetons, statistiques et contacts de l'organisation connectée (rôle partner)")
@Path("/me")
@RolesAllowed(SessionTokens.GROUP_PARTNER)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    static final int MAX_LIMIT = 500;

    @Inject
    PartnerService partner;

    @Inject
    JsonWebToken session;

    @GET
    @Path("/habilitations")
    public Uni<Map<String, List<HabilitationView>>> habilitations() {
        return partner.habilitations(person()).map(list -> Map.of("data", list));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/habilitations/{id}/contacts")
    public Uni<HabilitationView> contacts(@PathParam("id") String id, Contacts contacts) {
        return partner.updateContacts(person(), uuid(id), contacts);
    }

    @GET
    @Path("/tokens")
    public Uni<Map<String, List<TokenView>>> tokens() {
        return partner.tokens(person()).map(list -> Map.of("data", list));
    }

    /** The OAuth2 clients of the person's démarches (client id, status, dates; no secret). */
    @GET
    @Path("/oauth-clients")
    public Uni<Map<String, List<OAuthClientView>>> oauthClients() {
        return partner.oauthClients(person()).map(list -> Map.of("data", list));
    }

    /** One-time retrieval of the token value; afterwards 410. */
    @POST
    @Path("/tokens/{jti}/retrieve")
    public Uni<Map<String, String>> retrieve(@PathParam("jti") String jti) {
        return partner.retrieve(person(), uuid(jti)).map(value -> Map.of("jti", jti, "token", value));
    }

    @GET
    @Path("/tokens/{jti}/last-requests")
    public Uni<JsonNode> lastRequests(@PathParam("jti") String jti, @QueryParam("limit") Integer limit,
                                      @QueryParam("status") Integer status, @QueryParam("operation") String operation,
                                      @QueryParam("from") String from, @QueryParam("to") String to) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw TokenErrors.invalid("limit", "Le paramètre « limit » doit être compris entre 1 et " + MAX_LIMIT + ".");
        }
        if (status != null && (status < 100 || status > 599)) {
            throw TokenErrors.invalid("status", "Le paramètre « status » doit être un statut HTTP (100 à 599).");
        }
        return partner.lastRequests(person(), uuid(jti), new PartnerService.RequestFilter(limit == null ? 50 : limit, status,
                operation, instant("from", from), instant("to", to)));
    }

    @GET
    @Path("/tokens/{jti}/stats")
    public Uni<JsonNode> stats(@PathParam("jti") String jti, @QueryParam("from") String from, @QueryParam("to") String to) {
        return partner.stats(person(), uuid(jti), instant("from", from), instant("to", to));
    }

    private DemarcheAccess.Person person() {
        return DemarcheAccess.Person.of(session);
    }

    private static String instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw TokenErrors.invalid(name, "Le paramètre « " + name + " » doit être un instant ISO-8601 (2026-11-25T00:00:00Z).");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.notFound("Ressource inconnue : " + id);
        }
    }
}
