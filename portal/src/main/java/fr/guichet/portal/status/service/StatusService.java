package fr.guichet.portal.status.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.portal.demarche.client.TokenServiceClient;
import fr.guichet.portal.status.client.GatewayClient;
import fr.guichet.portal.status.client.TraceServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads the gateway's {@code /pings} (which already puts an operator's incident cut and the
 * providers' maintenance windows before the circuit breakers and health checks) and turns it into
 * the public status: {@code ok} → up, {@code maintenance} → maintenance, anything else → down.
 */
@ApplicationScoped
public class StatusService {

    private static final Logger LOG = Logger.getLogger(StatusService.class);

    /** The providers' public names, by the gateway's adapter key. */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("insee", "INSEE (Sirene)"),
            Map.entry("dgfip", "DGFiP (attestations et données fiscales)"),
            Map.entry("acoss", "URSSAF (attestations de vigilance) et GIP-MDS"),
            Map.entry("social", "Conformité sociale (MSA, PRO BTP, CIBTP, CNETP)"),
            Map.entry("registers", "Registres (Infogreffe, INPI, CMA France)"),
            Map.entry("associations", "Associations (RNA, Data Subvention)"),
            Map.entry("certifications", "Certifications (ADEME, Qualibat, OPQIBI, Qualiopi…)"),
            Map.entry("finance", "Banque de France, Douanes, VIES"),
            Map.entry("education", "Statut étudiant, bourses, scolarité"),
            Map.entry("status", "France Travail, service national, sportifs, ANTS"),
            Map.entry("cnav", "Prestations sociales et quotient familial (CNAV, CNAF, MSA)"));

    /** Days of availability shown (the terms: the last 90). */
    static final int DAYS = 90;

    private final GatewayClient gateway;
    private final TokenServiceClient tokenService;
    private final TraceServiceClient traceService;
    private final ObjectMapper json = new ObjectMapper();

    public StatusService(@RestClient GatewayClient gateway, @RestClient TokenServiceClient tokenService,
                         @RestClient TraceServiceClient traceService) {
        this.gateway = gateway;
        this.tokenService = tokenService;
        this.traceService = traceService;
    }

    /**
     * The current status with the announced changes, the providers' availability and their scheduled
     * windows (each empty when the service holding it does not answer).
     */
    public PlatformStatus withChanges() {
        return current().withChanges(announcedChanges()).withSchedule(availability(), maintenanceWindows());
    }

    /** trace-service's availability of the last 90 days; empty, and logged, when it cannot be read. */
    List<PlatformStatus.Availability> availability() {
        return orEmpty("Provider availability", () -> availability(traceService.availability(DAYS)));
    }

    /** The gateway's scheduled maintenance windows; empty, and logged, when they cannot be read. */
    List<PlatformStatus.MaintenanceWindow> maintenanceWindows() {
        return orEmpty("Maintenance windows", () -> maintenanceWindows(gateway.maintenanceWindows()));
    }

    /** The availability of a {@code /public/availability} body, providers by public name. */
    static List<PlatformStatus.Availability> availability(JsonNode body) {
        List<PlatformStatus.Availability> providers = new ArrayList<>();
        for (JsonNode p : body.path("data")) {
            List<PlatformStatus.Day> days = new ArrayList<>();
            for (JsonNode d : p.path("days")) {
                days.add(new PlatformStatus.Day(d.path("date").asText(), ratio(d.path("availability")),
                        d.path("up_minutes").asInt(), d.path("down_minutes").asInt(), d.path("maintenance_minutes").asInt()));
            }
            JsonNode m = p.path("month");
            String key = p.path("provider").asText();
            providers.add(new PlatformStatus.Availability(key, name(key), List.copyOf(days),
                    new PlatformStatus.Month(m.path("month").asText(), ratio(m.path("availability")), PlatformStatus.COMMITMENT)));
        }
        providers.sort(java.util.Comparator.comparing(PlatformStatus.Availability::name));
        return List.copyOf(providers);
    }

    /** The windows of a {@code /maintenance-windows} body, providers by public name. */
    static List<PlatformStatus.MaintenanceWindow> maintenanceWindows(JsonNode body) {
        List<PlatformStatus.MaintenanceWindow> windows = new ArrayList<>();
        for (JsonNode p : body.path("data")) {
            List<String> list = new ArrayList<>();
            p.path("windows").forEach(w -> list.add(w.asText()));
            String key = p.path("provider").asText();
            windows.add(new PlatformStatus.MaintenanceWindow(key, name(key), List.copyOf(list),
                    p.path("zone").asText("Europe/Paris"), p.path("open_now").asBoolean(false)));
        }
        windows.sort(java.util.Comparator.comparing(PlatformStatus.MaintenanceWindow::name));
        return List.copyOf(windows);
    }

    private static Double ratio(JsonNode value) {
        return value.isNumber() ? value.asDouble() : null;
    }

    private static String name(String key) {
        return NAMES.getOrDefault(key, key.toUpperCase());
    }

    /** token-service's public list of announced changes; empty, and logged, when it cannot be read. */
    List<PlatformStatus.Change> announcedChanges() {
        return orEmpty("Announced changes", () -> changes(tokenService.announcedChanges()));
    }

    /** What {@code read} gives; empty, and logged, when the service behind does not answer well. */
    private static <T> List<T> orEmpty(String what, java.util.function.Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            LOG.warnf("%s unreadable: %s", what, e.toString());
            return List.of();
        }
    }

    /** The changes of a {@code /changes} body, in its order. */
    static List<PlatformStatus.Change> changes(JsonNode body) {
        List<PlatformStatus.Change> changes = new ArrayList<>();
        for (JsonNode c : body.path("data")) {
            List<String> apis = new ArrayList<>();
            c.path("apis").forEach(a -> apis.add(a.asText()));
            changes.add(new PlatformStatus.Change(c.path("id").asText(), c.path("title").asText(),
                    c.path("description").asText(null), c.path("production_date").asText(), List.copyOf(apis),
                    c.path("urgent").asBoolean(false)));
        }
        return List.copyOf(changes);
    }

    /** The current status; a gateway that does not answer makes the platform {@code down}. */
    public PlatformStatus current() {
        String now = Instant.now().toString();
        JsonNode pings;
        try (Response response = pings()) {
            pings = json.readTree(response.readEntity(String.class));
        } catch (RuntimeException | java.io.IOException e) {
            LOG.warnf("Gateway pings unreadable: %s", e.toString());
            return new PlatformStatus("down", now, List.of());
        }
        return of(pings, now);
    }

    /**
     * The gateway's {@code /pings} answer. It is 502, with the same body, as soon as one provider is
     * not ok: the REST client raises that as an exception, whose response is the answer all the same.
     */
    private Response pings() {
        try {
            return gateway.pings();
        } catch (jakarta.ws.rs.WebApplicationException e) {
            return e.getResponse();
        }
    }

    /** The status held by a {@code /pings} body. */
    static PlatformStatus of(JsonNode pings, String checkedAt) {
        List<PlatformStatus.Provider> providers = new ArrayList<>();
        var fields = pings.fields();
        while (fields.hasNext()) {
            Entry<String, JsonNode> f = fields.next();
            JsonNode p = f.getValue();
            String state = switch (p.path("status").asText()) {
                case "ok" -> "up";
                case "maintenance" -> "maintenance";
                default -> "down";
            };
            providers.add(new PlatformStatus.Provider(f.getKey(), name(f.getKey()),
                    state, p.hasNonNull("reason") ? p.get("reason").asText() : null,
                    p.hasNonNull("last_ok_status") ? p.get("last_ok_status").asText() : null));
        }
        providers.sort(java.util.Comparator.comparing(PlatformStatus.Provider::name));
        boolean allUp = providers.stream().allMatch(p -> p.state().equals("up"));
        return new PlatformStatus(allUp ? "up" : "degraded", checkedAt, List.copyOf(providers));
    }
}
