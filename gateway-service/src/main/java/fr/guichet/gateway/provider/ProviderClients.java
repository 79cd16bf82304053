package fr.guichet.gateway.provider;

import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.security.ServiceCredentials;
import fr.guichet.gateway.config.ServiceAuth;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.config.GatewayConfig;
import fr.guichet.common.provider.MaintenanceWindows;
import fr.guichet.gateway.service.Errors;
import fr.guichet.common.metrics.CircuitStateGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * One client per provider adapter, each with its own timeout, circuit breaker and bulkhead, so
 * that a hung provider fills only its own bulkhead and never starves calls to the others.
 */
@ApplicationScoped
@Startup
public class ProviderClients {

    private static final Logger LOG = Logger.getLogger(ProviderClients.class);
    /** Headers of the provider's answer that the gateway passes on. */
    public static final Set<String> RELAYED_HEADERS = Set.of("x-guichet-cache");
    /** Request header carrying the operation id the gateway resolved. */
    public static final String OPERATION_HEADER = "X-Guichet-Operation";
    /** Cache directives passed on as the partner wrote them; anything else is dropped. */
    private static final java.util.regex.Pattern CACHE_CONTROL = java.util.regex.Pattern.compile("[A-Za-z0-9=, -]{1,100}");

    /** The {@code service} tag of the gateway's circuit gauges ({@code quarkus.application.name}). */
    static final String SERVICE = "gateway-service";

    private final ServiceAuth serviceAuth;

    private final Map<String, Provider> providers = new TreeMap<>();

    /** One provider: its URL, HTTP client, guard and circuit state (for /pings and metrics). */
    public static final class Provider {
        final String name;
        final String url;
        final Duration timeout;
        final HttpClient http;
        final Guard guard;
        final MaintenanceWindows maintenance;
        final AtomicInteger circuit = new AtomicInteger();

        Provider(String name, GatewayConfig.Provider config, MeterRegistry registry) {
            this.name = name;
            this.url = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1) : config.url();
            this.timeout = config.timeout();
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(config.timeout()).build();
            this.maintenance = new MaintenanceWindows(config.maintenanceWindows().orElse(List.of()));
            this.guard = Guard.create()
                    .withDescription("provider-" + name)
                    .withBulkhead().limit(config.bulkhead()).done()
                    .withCircuitBreaker()
                    .name("provider-" + name)
                    .requestVolumeThreshold(config.circuitRequestVolume())
                    .failureRatio(config.circuitFailureRatio())
                    .delay(config.circuitDelay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .when(ProviderTransportException.class::isInstance)
                    .onStateChange(s -> {
                        circuit.set(s.ordinal());
                        LOG.warnf("Circuit breaker of provider %s is now %s", name, s);
                    })
                    .done()
                    .build();
            CircuitStateGauges.register(registry, SERVICE, name, Tags.empty(), this::circuitState);
        }

        public String name() {
            return name;
        }

        public String url() {
            return url;
        }

        public CircuitBreakerState circuitState() {
            return CircuitBreakerState.values()[circuit.get()];
        }

        public OptionalLong maintenanceSecondsLeft() {
            return maintenance.secondsLeft(ZonedDateTime.now());
        }
    }

    /**
     * @param serviceAuth the gateway's service credentials: when a secret is set, every provider
     *                    call carries one (docs/internal-contracts.md, "Service-to-service credentials")
     */
    public ProviderClients(GatewayConfig config, MeterRegistry registry, ServiceAuth serviceAuth) {
        this.serviceAuth = serviceAuth;
        config.providers().forEach((name, p) -> providers.put(name, new Provider(name, p, registry)));
        LOG.infof("Providers: %s", providers.values().stream().map(p -> p.name + "=" + p.url).toList());
    }

    public Map<String, Provider> all() {
        return providers;
    }

    public Provider get(String name) {
        Provider p = providers.get(name);
        if (p == null) {
            throw new IllegalStateException("No provider configured under guichet.gateway.providers." + name);
        }
        return p;
    }

    /**
     * Forwards the path and query unchanged with {@code X-Request-ID}, the resolved operation id
     * ({@link #OPERATION_HEADER}: the provider does not resolve it again), the partner's
     * {@code Cache-Control} and, when {@code guichet.service-auth.secret} is set, the service
     * credential whose audience is the provider ({@code provider-insee}); relays whatever the
     * provider answers. Transport failures become the provider's 502/503/504 errors.
     */
    public ProviderResponse call(Route route, String pathAndQuery, String requestId, String cacheControl) {
        Provider p = get(route.provider());
        ProviderPrefix prefix = route.errorPrefix();
        OptionalLong maintenance = p.maintenanceSecondsLeft();
        if (maintenance.isPresent()) {
            throw Errors.maintenance(prefix, maintenance.getAsLong());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(p.url + pathAndQuery))
                .timeout(p.timeout)
                .header("X-Request-ID", requestId)
                .header(OPERATION_HEADER, route.operationId())
                .header("Accept", "application/json");
        if (cacheControl != null && CACHE_CONTROL.matcher(cacheControl).matches()) {
            builder.header("Cache-Control", cacheControl);
        }
        serviceAuth.credentialFor("provider-" + route.provider())
                .ifPresent(c -> builder.header(ServiceCredentials.HEADER, c));
        HttpRequest request = builder.GET().build();
        try {
            return p.guard.call(() -> send(p, request), ProviderResponse.class);
        } catch (ProviderTransportException e) {
            LOG.warnf("Provider %s: %s", p.name, e.getMessage());
            throw e.timeout() ? Errors.providerTimeout(prefix) : Errors.providerUnavailable(prefix);
        } catch (CircuitBreakerOpenException e) {
            throw Errors.providerUnavailable(prefix);
        } catch (BulkheadException e) {
            LOG.warnf("Provider %s: bulkhead full, call refused", p.name);
            throw Errors.providerBusy(prefix);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw Errors.providerUnavailable(prefix);
        }
    }

    private static ProviderResponse send(Provider p, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = p.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new ProviderResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"),
                    response.body(), response.headers().firstValue("X-Guichet-Cache").orElse(null));
        } catch (HttpTimeoutException e) {
            throw new ProviderTransportException("no answer within " + p.timeout.toMillis() + " ms", e, true);
        } catch (IOException e) {
            throw new ProviderTransportException("unreachable: " + e, e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderTransportException("interrupted", e, false);
        }
    }

    /** Health of a provider adapter for /pings: its own readiness endpoint. */
    public int health(String providerName) {
        Provider p = get(providerName);
        HttpRequest request = HttpRequest.newBuilder(URI.create(p.url + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return p.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

}
