package fr.guichet.gateway.service;

import fr.guichet.gateway.provider.ProviderClients;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider status for {@code /pings}: the operator's switches and maintenance windows first,
 * then the circuit breaker, then the adapter's own readiness (cached a few seconds so that
 * status pages cannot load the providers).
 */
@ApplicationScoped
public class PingService {

    private static final Duration CACHE = Duration.ofSeconds(5);
    /** Public names API Entreprise uses for its status pages → adapter. */
    private static final Map<String, String> ALIASES = Map.of("urssaf", "acoss", "gip_mds", "acoss");

    public enum Status {
        ok, unknown, maintenance, bad_gateway
    }

    public record Ping(Status status, Instant lastUpdate, Instant lastOkStatus) {
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

    public PingService(ProviderClients providers, Incidents incidents) {
        this.providers = providers;
        this.incidents = incidents;
    }

    public Optional<String> resolve(String name) {
        String n = ALIASES.getOrDefault(name, name);
        return providers.all().containsKey(n) ? Optional.of(n) : Optional.empty();
    }

    public Ping ping(String provider) {
        Ping previous = cache.get(provider);
        Instant now = Instant.now();
        if (previous != null && previous.lastUpdate().plus(CACHE).isAfter(now)) {
            return previous;
        }
        Instant lastOk = previous == null ? null : previous.lastOkStatus();
        ProviderClients.Provider p = providers.get(provider);
        Status status;
        if (incidents.isCut(provider) || p.maintenanceSecondsLeft().isPresent()) {
            status = Status.maintenance;
        } else if (p.circuitState() == CircuitBreakerState.OPEN) {
            status = Status.bad_gateway;
        } else {
            int health = providers.health(provider);
            status = health == 200 ? Status.ok : health == 0 || health >= 500 ? Status.bad_gateway : Status.unknown;
        }
        Ping ping = new Ping(status, now, status == Status.ok ? now : lastOk);
        cache.put(provider, ping);
        return ping;
    }
}
