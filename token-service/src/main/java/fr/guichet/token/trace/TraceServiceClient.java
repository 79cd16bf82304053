package fr.guichet.token.trace;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** trace-service, authenticated as client {@code token-service} (docs/internal-contracts.md). */
@RegisterRestClient(configKey = "trace-service")
@Produces(MediaType.APPLICATION_JSON)
public interface TraceServiceClient {

    /** Ingests a JSON array of TraceEvents; answers {@code {"accepted": n, "duplicates": m}} after commit. */
    @POST
    @Path("/traces")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String eventsJsonArray);

    @GET
    @Path("/tokens/{jti}/requests")
    Uni<JsonNode> requests(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("jti") String jti,
                           @QueryParam("limit") Integer limit, @QueryParam("status") Integer status,
                           @QueryParam("operation") String operation, @QueryParam("from") String from,
                           @QueryParam("to") String to);

    @GET
    @Path("/tokens/{jti}/stats")
    Uni<JsonNode> stats(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("jti") String jti,
                        @QueryParam("from") String from, @QueryParam("to") String to);
}
