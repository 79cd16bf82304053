package fr.guichet.portal.request.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * token-service's {@code /me/habilitation-requests} routes (docs/internal-contracts.md), called
 * with the person's own session JWT: token-service decides the organisation, the demandeur and
 * which requests the person sees. Same base URL and timeouts as the other token-service calls
 * ({@code quarkus.rest-client.token-service.*}).
 */
@RegisterRestClient(configKey = "token-service")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HabilitationRequestClient {

    /** {@code {"data": [{"provider", "label", "scopes": [{"scope", "label"}]}]}}. */
    @GET
    @Path("/me/habilitation-requests/catalogue")
    JsonNode catalogue(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("api_kind") String apiKind);

    /** 201 with the habilitation view; 422 with one error per bad field ({@code source.parameter}). */
    @POST
    @Path("/me/habilitation-requests")
    JsonNode submit(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, JsonNode request);

    /** {@code {"data": [habilitation view...]}}, newest first. */
    @GET
    @Path("/me/habilitation-requests")
    JsonNode list(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);
}
