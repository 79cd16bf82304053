package fr.guichet.portal.demarche.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * token-service's partner API (docs/internal-contracts.md): the magic-link login and the
 * {@code /me/...} routes, called with the person's own session JWT, so that token-service alone
 * decides what the person may see (only the démarches they are a contact of). Errors arrive as
 * {@code WebApplicationException}s carrying the API Entreprise error body.
 */
@RegisterRestClient(configKey = "token-service")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TokenServiceClient {

    /** Asks for a magic link; {@code forwardedFor} is the browser's address, which token-service throttles. */
    @POST
    @Path("/auth/magic-links")
    JsonNode requestLink(@HeaderParam("X-Forwarded-For") String forwardedFor, Map<String, String> body);

    /** Exchanges a link's secret ({@code {"token": ...}}) for a partner session. */
    @POST
    @Path("/auth/magic-links/session")
    JsonNode openSession(Map<String, String> body);

    /** The technical changes announced to partners, public: {@code {"data": [...]}}. */
    @GET
    @Path("/changes")
    JsonNode announcedChanges();

    @GET
    @Path("/me/habilitations")
    JsonNode habilitations(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @PUT
    @Path("/me/habilitations/{id}/contacts")
    JsonNode updateContacts(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id,
                            JsonNode contacts);

    @GET
    @Path("/me/tokens")
    JsonNode tokens(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** The OAuth2 clients of the person's démarches: {@code {"data": [{client_id, habilitation_id, status, created_at, revoked_at}]}}. */
    @GET
    @Path("/me/oauth-clients")
    JsonNode oauthClients(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** The token's value, once. */
    @POST
    @Path("/me/tokens/{jti}/retrieve")
    JsonNode retrieve(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("jti") String jti);

    @GET
    @Path("/me/tokens/{jti}/last-requests")
    JsonNode lastRequests(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("jti") String jti,
                          @QueryParam("limit") Integer limit, @QueryParam("from") String from,
                          @QueryParam("to") String to);

    @GET
    @Path("/me/tokens/{jti}/stats")
    JsonNode stats(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("jti") String jti,
                   @QueryParam("from") String from, @QueryParam("to") String to);
}
