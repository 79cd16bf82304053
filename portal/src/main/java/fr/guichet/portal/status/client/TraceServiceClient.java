package fr.guichet.portal.status.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** trace-service's public availability record. */
@RegisterRestClient(configKey = "trace-service")
public interface TraceServiceClient {

    /**
     * The providers' availability per day: {@code {"data": [{"provider", "days": [{"date", "up_minutes",
     * "down_minutes", "maintenance_minutes", "availability"}], "month": {"month", "availability"}}]}}.
     *
     * @param days how many days up to today, 1 to 100
     */
    @GET
    @Path("/public/availability")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode availability(@QueryParam("days") int days);
}
