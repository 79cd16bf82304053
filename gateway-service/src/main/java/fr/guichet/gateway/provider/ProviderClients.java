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
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.util.TypeLiteral;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
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
        /** For the health probe of /pings only (worker threads). */
        final HttpClient http;
        /** The data path: non-blocking, keep-alive connections, at most {@code bulkhead} of them, then a queue. */
        final io.vertx.mutiny.core.http.HttpClient client;
        /** Calls in flight allowed: on the wire plus waiting for a connection. */
        final int bulkhead;
        final AtomicInteger inFlight = new AtomicInteger();
        final Guard guard;
        final MaintenanceWindows maintenance;
        final AtomicInteger circuit = new AtomicInteger();

        Provider(String name, GatewayConfig.Provider config, MeterRegistry registry, Vertx vertx) {
            this.name = name;
            this.url = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1) : config.url();
            this.timeout = config.timeout();
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(config.timeout()).build();
            this.bulkhead = config.bulkhead() + config.bulkheadQueue();
            // One pool per provider: a hung provider holds its own connections, never the others'.
            this.client = vertx.createHttpClient(new HttpClientOptions()
                    .setKeepAlive(true)
                    .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis())),
                    // The pool's own wait queue stays unbounded: the bulkhead counter below bounds the
                    // calls. A call given up at its timeout keeps its connection until the idle timeout
                    // closes it, so a bounded pool queue overflowed while the counter still had room,
                    // and the call failed as if the provider were unreachable (502, a circuit failure).
                    new PoolOptions().setHttp1MaxSize(config.bulkhead()));
            this.maintenance = new MaintenanceWindows(config.maintenanceWindows().orElse(List.of()));
            // The bulkhead is inFlight (connections plus their waiting queue; beyond, refuse at once);
            // the timeout is on the Uni, so a call waiting for a connection spends its own time.
            this.guard = Guard.create()
                    .withDescription("provider-" + name)
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
    public ProviderClients(GatewayConfig config, MeterRegistry registry, ServiceAuth serviceAuth, Vertx vertx) {
        this.serviceAuth = serviceAuth;
        config.providers().forEach((name, p) -> providers.put(name, new Provider(name, p, registry, vertx)));
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
     * provider answers. Non-blocking: the answer arrives on the event loop. Per provider: the
     * bulkhead (beyond {@code bulkhead} calls on the wire and {@code bulkhead-queue} waiting for a
     * connection, 503 {@code XX011} at once), the circuit
     * breaker (open: 502 {@code XX001}) and the timeout (504 {@code XX002}); unreachable: 502 {@code XX001};
     * maintenance window: 503 {@code XX020}.
     */
    public Uni<ProviderResponse> call(Route route, String pathAndQuery, String requestId, String cacheControl) {
        Provider p = get(route.provider());
        ProviderPrefix prefix = route.errorPrefix();
        OptionalLong maintenance = p.maintenanceSecondsLeft();
        if (maintenance.isPresent()) {
            return Uni.createFrom().failure(Errors.maintenance(prefix, maintenance.getAsLong()));
        }
        if (p.inFlight.incrementAndGet() > p.bulkhead) {
            p.inFlight.decrementAndGet();
            LOG.warnf("Provider %s: bulkhead full, call refused", p.name);
            return Uni.createFrom().failure(Errors.providerBusy(prefix));
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(p.url + pathAndQuery)
                // Closes a connection whose provider went silent, so that a hung call frees its slot.
                .setIdleTimeout(p.timeout.toMillis())
                .putHeader("X-Request-ID", requestId)
                .putHeader(OPERATION_HEADER, route.operationId())
                .putHeader("Accept", "application/json");
        if (cacheControl != null && CACHE_CONTROL.matcher(cacheControl).matches()) {
            request.putHeader("Cache-Control", cacheControl);
        }
        serviceAuth.credentialFor("provider-" + route.provider())
                .ifPresent(c -> request.putHeader(ServiceCredentials.HEADER, c));
        Uni<ProviderResponse> guarded;
        try {
            guarded = p.guard.get(() -> send(p, request), ANSWER);
        } catch (RuntimeException e) {
            guarded = Uni.createFrom().failure(e);
        }
        return guarded
                .onTermination().invoke(p.inFlight::decrementAndGet)
                .onFailure().transform(e -> refusal(p, prefix, e));
    }

    private static final TypeLiteral<Uni<ProviderResponse>> ANSWER = new TypeLiteral<>() {
    };

    private static Uni<ProviderResponse> send(Provider p, RequestOptions request) {
        return p.client.request(request)
                .onItem().transformToUni(req -> req.send())
                .onItem().transformToUni(response -> response.body().onItem().transform(body ->
                        new ProviderResponse(response.statusCode(),
                                Optional.ofNullable(response.getHeader("Content-Type")).orElse("application/json"),
                                body.getBytes(), response.getHeader("X-Guichet-Cache"))))
                .ifNoItem().after(p.timeout).failWith(() ->
                        new ProviderTransportException("no answer within " + p.timeout.toMillis() + " ms", null, true))
                .onFailure(e -> !(e instanceof ProviderTransportException)).transform(e ->
                        new ProviderTransportException("unreachable: " + e, e, isTimeout(e)));
    }

    private static boolean isTimeout(Throwable e) {
        return e instanceof java.util.concurrent.TimeoutException || e instanceof io.netty.handler.timeout.TimeoutException
                || e instanceof io.vertx.core.http.HttpClosedException && String.valueOf(e.getMessage()).contains("idle")
                || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout");
    }

    /** The API Entreprise error a failed provider call answers with. */
    private static Throwable refusal(Provider p, ProviderPrefix prefix, Throwable e) {
        if (e instanceof ProviderTransportException t) {
            LOG.warnf("Provider %s: %s", p.name, t.getMessage());
            return t.timeout() ? Errors.providerTimeout(prefix) : Errors.providerUnavailable(prefix);
        }
        if (e instanceof CircuitBreakerOpenException) {
            return Errors.providerUnavailable(prefix);
        }
        if (e instanceof fr.guichet.common.error.ApiException) {
            return e;
        }
        return Errors.providerUnavailable(prefix);
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
