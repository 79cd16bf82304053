package fr.guichet.gateway.service;

import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.catalogue.RouteCatalogue;
import fr.guichet.gateway.provider.ProviderClients;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider status for {@code /pings}: the operator's switches and maintenance windows first,
 * then the circuit breaker, then the adapter's own readiness (cached a few seconds so that
 * status pages cannot load the providers).
 */
@ApplicationScoped
public class PingService {

    private static final Duration CACHE = Duration.ofSeconds(5);

    public enum Status {
        ok, unknown, maintenance, bad_gateway
    }

    /**
     * One provider's status.
     *
     * @param reason why it is down for maintenance (the operator's incident reason, a maintenance
     *               window); null otherwise
     */
    public record Ping(Status status, Instant lastUpdate, Instant lastOkStatus, String reason) {
        public int httpStatus() {
            return switch (status) {
                case bad_gateway -> 502;
                case maintenance -> 503;
                default -> 200;
            };
        }
    }

    private final ProviderClients providers;
    private final Incidents incidents;
    private final Map<String, Ping> cache = new ConcurrentHashMap<>();
    private final Map<String, String> aliases;

    @Inject
    public PingService(ProviderClients providers, Incidents incidents, RouteCatalogue catalogue) {
        this.providers = providers;
        this.incidents = incidents;
        this.aliases = aliases(catalogue.routes());
    }

    /**
     * The public names of the upstreams, as API Entreprise's status pages use them ({@code
     * /ping/infogreffe/rcs}, {@code /ping/urssaf}), are the first segment of the operations' paths
     * ({@code /v3/infogreffe/rcs/...}); each leads to the adapter that serves those paths, so that
     * grouping several upstreams in one module changes no public name. API Particulier's names
     * come the same way ({@code /ping/dss} → cnav, {@code /ping/cnous} → education...). The first
     * route of a name decides, routes being ordered as the catalogue matches them.
     */
    static Map<String, String> aliases(List<Route> routes) {
        Map<String, String> aliases = new TreeMap<>();
        for (Route r : routes) {
            String[] segments = r.template().split("/");
            if (segments.length > 2) {
                aliases.putIfAbsent(segments[2], r.provider());
            }
        }
        return Map.copyOf(aliases);
    }

    /** The adapter answering for a public name or an adapter key, if it is configured. */
    public Optional<String> resolve(String name) {
        String n = aliases.getOrDefault(name, name);
        return providers.all().containsKey(n) ? Optional.of(n) : Optional.empty();
    }

    /** Every configured adapter, by key. */
    public List<String> providers() {
        return List.copyOf(providers.all().keySet());
    }

    /**
     * The provider's status. An incident cut is read on every call, never from the cache, so that a
     * cut (or its end) shows as soon as this replica applies it.
     */
    public Ping ping(String provider) {
        Ping previous = cache.get(provider);
        Instant now = Instant.now();
        Optional<String> cut = incidents.reason(provider);
        if (cut.isPresent()) {
            return new Ping(Status.maintenance, now, previous == null ? null : previous.lastOkStatus(), cut.get());
        }
        if (previous != null && previous.lastUpdate().plus(CACHE).isAfter(now)) {
            return previous;
        }
        Instant lastOk = previous == null ? null : previous.lastOkStatus();
        ProviderClients.Provider p = providers.get(provider);
        Status status;
        String reason = null;
        if (p.maintenanceSecondsLeft().isPresent()) {
            status = Status.maintenance;
            reason = "Fenêtre de maintenance du fournisseur.";
        } else if (p.circuitState() == CircuitBreakerState.OPEN) {
            status = Status.bad_gateway;
        } else {
            int health = providers.health(provider);
            status = health == 200 ? Status.ok : health == 0 || health >= 500 ? Status.bad_gateway : Status.unknown;
        }
        Ping ping = new Ping(status, now, status == Status.ok ? now : lastOk, reason);
        cache.put(provider, ping);
        return ping;
    }
}
