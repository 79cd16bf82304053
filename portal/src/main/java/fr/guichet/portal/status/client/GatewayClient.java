package fr.guichet.portal.status.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's public monitoring route. */
@RegisterRestClient(configKey = "gateway")
public interface GatewayClient {

    /**
     * Every provider's ping, by adapter key: {@code {"insee": {"status": "ok|maintenance|bad_gateway|unknown",
     * "last_update", "last_ok_status", "reason"?}}}. Answers 502 with the same body when one is not ok,
     * hence a raw {@link Response}.
     */
    @GET
    @Path("/pings")
    @Produces(MediaType.APPLICATION_JSON)
    Response pings();

    /**
     * The providers' scheduled maintenance windows: {@code {"data": [{"provider", "windows": ["01:00-02:00"],
     * "zone": "Europe/Paris", "open_now"}]}}.
     */
    @GET
    @Path("/maintenance-windows")
    @Produces(MediaType.APPLICATION_JSON)
    com.fasterxml.jackson.databind.JsonNode maintenanceWindows();
}
