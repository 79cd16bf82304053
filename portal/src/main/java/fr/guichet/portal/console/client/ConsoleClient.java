package fr.guichet.portal.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * token-service's operator login and admin API (docs/internal-contracts.md, "Admin API" and
 * "Operators"), always called with the operator's own session JWT: token-service decides what an
 * admin or an auditor may do, and audits each action under {@code operator:<email>}. Errors arrive
 * as {@code WebApplicationException}s carrying the API Entreprise error body.
 */
@RegisterRestClient(configKey = "token-service")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConsoleClient {

    /** Asks for a console link; {@code forwardedFor} is the browser's address, which token-service throttles. */
    @POST
    @Path("/auth/operator-links")
    JsonNode requestLink(@HeaderParam("X-Forwarded-For") String forwardedFor, Map<String, String> body);

    /** Exchanges a link's secret ({@code {"jeton": ...}}) for an operator session. */
    @POST
    @Path("/auth/operator-links/session")
    JsonNode openSession(Map<String, String> body);

    @GET
    @Path("/admin/habilitations")
    JsonNode habilitations(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("status") String status,
                           @QueryParam("per_page") Integer perPage);

    @GET
    @Path("/admin/habilitations/{id}")
    JsonNode habilitation(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    /** {@code action}: validate or refuse; body {@code {"reason": ...}}. */
    @POST
    @Path("/admin/habilitations/{id}/{action}")
    JsonNode decide(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id,
                    @PathParam("action") String action, Map<String, String> body);

    @GET
    @Path("/admin/tokens")
    JsonNode tokens(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("habilitation_id") String habilitationId,
                    @QueryParam("expiring_before") String expiringBefore, @QueryParam("per_page") Integer perPage);

    /** {@code action}: revoke or prolong; body {@code {"reason": ...}}. */
    @POST
    @Path("/admin/tokens/{jti}/{action}")
    JsonNode tokenAction(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("jti") String jti,
                         @PathParam("action") String action, Map<String, String> body);

    @GET
    @Path("/admin/keys")
    JsonNode keys(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @POST
    @Path("/admin/keys/rotate")
    JsonNode rotateKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, Map<String, String> body);

    @GET
    @Path("/admin/audit-events")
    JsonNode auditEvents(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("target_type") String targetType,
                         @QueryParam("target_id") String targetId, @QueryParam("limit") Integer limit);
}
