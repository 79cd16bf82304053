package fr.guichet.gateway.maintenance;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.common.provider.MaintenanceWindows;
import fr.guichet.gateway.config.GatewayConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The providers' scheduled maintenance windows, public (API Entreprise's terms promise partners a
 * view of the providers' scheduled interruptions; the portal's status page shows them). Read from
 * {@code guichet.gateway.providers.<p>.maintenance-windows}, the same windows the gateway closes
 * the provider in; providers without any are not listed.
 */
@Path("/maintenance-windows")
public class MaintenanceWindowsResource {

    /** The answer: {@code {"data": [...]}}, providers in the order of their keys. */
    @RegisterForReflection
    public record Page(List<ProviderWindows> data) {
    }

    /**
     * One provider's daily windows.
     *
     * @param windows {@code HH:mm-HH:mm}, as configured (a window may cross midnight)
     * @param zone    the zone of the times: always {@code Europe/Paris}
     * @param openNow whether one of them is open at the time of the answer
     */
    @RegisterForReflection
    public record ProviderWindows(String provider, List<String> windows, String zone,
                                 @JsonProperty("open_now") boolean openNow) {
    }

    private final Map<String, List<String>> configured;

    public MaintenanceWindowsResource(GatewayConfig config) {
        Map<String, List<String>> windows = new TreeMap<>();
        config.providers().forEach((key, provider) -> provider.maintenanceWindows()
                .filter(w -> !w.isEmpty()).ifPresent(w -> windows.put(key, List.copyOf(w))));
        this.configured = Map.copyOf(windows);
    }

    /** Every provider with scheduled windows, each saying whether one is open now. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Page windows() {
        return windows(ZonedDateTime.now(MaintenanceWindows.PARIS));
    }

    Page windows(ZonedDateTime now) {
        List<ProviderWindows> data = new ArrayList<>();
        new TreeMap<>(configured).forEach((provider, windows) -> data.add(new ProviderWindows(provider, windows,
                MaintenanceWindows.PARIS.getId(), new MaintenanceWindows(windows).secondsLeft(now).isPresent())));
        return new Page(List.copyOf(data));
    }
}
