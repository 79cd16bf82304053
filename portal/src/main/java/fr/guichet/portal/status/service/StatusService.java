package fr.guichet.portal.status.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.portal.demarche.client.TokenServiceClient;
import fr.guichet.portal.status.client.GatewayClient;
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

    private final GatewayClient gateway;
    private final TokenServiceClient tokenService;
    private final ObjectMapper json = new ObjectMapper();

    public StatusService(@RestClient GatewayClient gateway, @RestClient TokenServiceClient tokenService) {
        this.gateway = gateway;
        this.tokenService = tokenService;
    }

    /** The current status with the announced changes (none when token-service does not answer). */
    public PlatformStatus withChanges() {
        return current().withChanges(announcedChanges());
    }

    /** token-service's public list of announced changes; empty, and logged, when it cannot be read. */
    List<PlatformStatus.Change> announcedChanges() {
        try {
            return changes(tokenService.announcedChanges());
        } catch (RuntimeException e) {
            LOG.warnf("Announced changes unreadable: %s", e.toString());
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
            providers.add(new PlatformStatus.Provider(f.getKey(), NAMES.getOrDefault(f.getKey(), f.getKey().toUpperCase()),
                    state, p.hasNonNull("reason") ? p.get("reason").asText() : null,
                    p.hasNonNull("last_ok_status") ? p.get("last_ok_status").asText() : null));
        }
        providers.sort(java.util.Comparator.comparing(PlatformStatus.Provider::name));
        boolean allUp = providers.stream().allMatch(p -> p.state().equals("up"));
        return new PlatformStatus(allUp ? "up" : "degraded", checkedAt, List.copyOf(providers));
    }
}
