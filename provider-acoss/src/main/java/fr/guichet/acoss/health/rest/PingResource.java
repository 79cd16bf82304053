package fr.guichet.acoss.health.rest;

import fr.guichet.acoss.health.UpstreamStatus;
import fr.guichet.acoss.health.UpstreamStatus.Ping;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /ping/urssaf[/...]} and {@code /ping/gip_mds[/...]}: {@code {status, last_update,
 * last_ok_status}}, HTTP 502 when the upstream is failing, as the gateway's status pages expect.
 */
@Path("/ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    private final UpstreamStatus upstreams;

    public PingResource(UpstreamStatus upstreams) {
        this.upstreams = upstreams;
    }

    @GET
    @Path("/{upstream}")
    public Response ping(@PathParam("upstream") String upstream) {
        if (!UpstreamStatus.knows(upstream)) {
            throw new NotFoundException();
        }
        Ping ping = upstreams.ping(upstream);
        int status = Ping.BAD_GATEWAY.equals(ping.status()) ? 502 : 200;
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ping).build();
    }

    /** Per-operation pings ({@code /ping/urssaf/attestation_vigilance}...) report their upstream. */
    @GET
    @Path("/{upstream}/{operation: .+}")
    public Response pingOperation(@PathParam("upstream") String upstream) {
        return ping(upstream);
    }
}
