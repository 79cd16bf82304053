package fr.guichet.providerkit.upstream;

import fr.guichet.providerkit.logging.PersonalValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.tls.TlsConfiguration;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one HTTP client of a named upstream: a Vert.x web client with its own keep-alive pool and
 * (optionally) mutual TLS, every call guarded by the upstream's timeout, bulkhead and circuit
 * breaker, and measured. Get it from {@link Upstreams#client(String)}.
 *
 * <p>Any HTTP answer comes back as an {@link UpstreamResponse} (5xx and 429 included, after they
 * have counted against the circuit); a call without an answer fails with an
 * {@link UpstreamFailure} whose {@link UpstreamFailure.Kind} the provider maps to its error.
 * Token requests ({@link #callTokenEndpoint}) use the same pool and TLS, under a guard of their
 * own, so that a token fetch neither opens nor closes the data calls' circuit.
 *
 * <p>Metric {@code guichet.upstream.requests} (timer, seconds): tags {@code upstream}, {@code path}
 * (the request's metric path) and {@code outcome} (the HTTP status, or the failure kind in lower
 * case: {@code timeout}, {@code unreachable}, {@code circuit_open}...).
 */
public class UpstreamClient {

    private static final Logger LOG = Logger.getLogger(UpstreamClient.class);

    private final String name;
    private final UpstreamsConfig.Upstream config;
    private final Vertx vertx;
    private final Function<String, Optional<TlsConfiguration>> tlsRegistry;
    private final MeterRegistry registry;
    private final TypedGuard<Uni<UpstreamResponse>> calls;
    private final TypedGuard<Uni<UpstreamResponse>> tokenCalls;
    private final UpstreamHealth health;
    private volatile WebClient web;

    /**
     * @param tlsRegistry the Quarkus TLS registry lookup, for {@code tls-configuration-name}
     * @param registry    where metrics go; null for none
     * @param calls       guard of the data calls (timeout, bulkhead, circuit breaker)
     * @param tokenCalls  guard of the token requests
     */
    public UpstreamClient(String name, UpstreamsConfig.Upstream config, Vertx vertx,
                          Function<String, Optional<TlsConfiguration>> tlsRegistry, MeterRegistry registry,
                          TypedGuard<Uni<UpstreamResponse>> calls, TypedGuard<Uni<UpstreamResponse>> tokenCalls) {
        this.name = name;
        this.config = config;
        this.vertx = vertx;
        this.tlsRegistry = tlsRegistry;
        this.registry = registry;
        this.calls = calls;
        this.tokenCalls = tokenCalls;
        this.health = new UpstreamHealth(config.healthWindow());
    }

    /** The upstream's name: its settings key, circuit breaker name and metric tag. */
    public String name() {
        return name;
    }

    public UpstreamsConfig.Upstream config() {
        return config;
    }

    /** Outcomes of the recent data calls. */
    public UpstreamHealth health() {
        return health;
    }

    /** Sends a data call; the answer, or an {@link UpstreamFailure}. */
    public Uni<UpstreamResponse> send(UpstreamRequest request) {
        return guarded(request, calls, true);
    }

    /** {@link #send} for worker threads: blocks until the answer or the failure. */
    public UpstreamResponse call(UpstreamRequest request) {
        return await(send(request));
    }

    /** Sends a request to the upstream's OAuth2 token endpoint (blocking), under the token guard. */
    public UpstreamResponse callTokenEndpoint(UpstreamRequest request) {
        return await(guarded(request, tokenCalls, false));
    }

    private static UpstreamResponse await(Uni<UpstreamResponse> answer) {
        return answer.await().indefinitely();
    }

    private Uni<UpstreamResponse> guarded(UpstreamRequest request, TypedGuard<Uni<UpstreamResponse>> guard,
                                          boolean recordHealth) {
        // In an API Particulier call, identifiers in the path (an INE, an identifiant) never reach a
        // metric label or a log line, nor do its values in a failure's message (Vert.x's timeout names the URI).
        PersonalValues personal = PersonalValues.current();
        String metricPath = personal.mask(request.metricPath() != null ? request.metricPath() : pathOf(request.url()), "{id}");
        long start = System.nanoTime();
        WebClient web;
        try {
            // Built outside the guard: setting up the pool (TLS included) is not the upstream's time.
            web = web();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(UpstreamFailure.classify(name, e));
        }
        // 5xx and 429 fail inside the guard so that the circuit counts them, and are answered again outside it.
        return guard.get(() -> exchange(web, request).onItem().transform(response -> {
                    if (response.isUpstreamFailure()) {
                        throw new FailedAnswer(response);
                    }
                    return response;
                }))
                .onFailure(FailedAnswer.class).recoverWithItem(e -> ((FailedAnswer) e).response)
                .onFailure().transform(e -> UpstreamFailure.classify(name, e))
                .onItemOrFailure().invoke((response, failure) -> {
                    String outcome = response != null ? String.valueOf(response.status())
                            : ((UpstreamFailure) failure).kind().name().toLowerCase(Locale.ROOT);
                    if (recordHealth) {
                        health.record(response != null && !response.isUpstreamFailure());
                    }
                    if (failure != null) {
                        LOG.warnf("%s %s %s failed: %s", name, request.method(), metricPath,
                                personal.mask(failure.getCause() != null ? failure.getCause().toString() : failure.getMessage()));
                    } else {
                        LOG.debugf("%s %s %s -> %d in %d ms", name, request.method(), metricPath, response.status(),
                                (System.nanoTime() - start) / 1_000_000);
                    }
                    record(metricPath, outcome, System.nanoTime() - start);
                });
    }

    private Uni<UpstreamResponse> exchange(WebClient web, UpstreamRequest request) {
        return Uni.createFrom().deferred(() -> {
            HttpRequest<Buffer> http = web.requestAbs(HttpMethod.valueOf(request.method()), resolve(request.target()));
            // Vert.x's own limit closes a stalled connection; the guard's timeout bounds the whole exchange.
            http.timeout(config.timeout().toMillis() + 1_000);
            request.headers().forEach(http::putHeader);
            var sent = request.body() == null ? http.send() : http.sendBuffer(Buffer.buffer(request.body()));
            return Uni.createFrom().completionStage(sent.toCompletionStage()).map(UpstreamClient::answer);
        });
    }

    private static UpstreamResponse answer(HttpResponse<Buffer> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(h.getValue()));
        Buffer body = response.body();
        return new UpstreamResponse(response.statusCode(), headers, body == null ? new byte[0] : body.getBytes());
    }

    private String resolve(String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return target;
        }
        String base = config.url().orElseThrow(() -> new IllegalStateException(
                "guichet.upstream." + name + ".url is not set and " + target + " is relative"));
        return base + target;
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    /** Built on the first call, so that sandbox mode needs neither certificate nor connection. */
    private WebClient web() {
        WebClient client = web;
        if (client == null) {
            synchronized (this) {
                client = web;
                if (client == null) {
                    client = WebClient.create(vertx, options());
                    web = client;
                }
            }
        }
        return client;
    }

    private WebClientOptions options() {
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.keepAliveTimeout().toSeconds()))
                .setMaxPoolSize(config.poolSize())
                .setFollowRedirects(false)
                .setUserAgentEnabled(false)
                .setName("guichet-upstream-" + name);
        config.tlsConfigurationName().ifPresent(tlsName -> {
            TlsConfiguration tls = tlsRegistry.apply(tlsName).orElseThrow(() -> new UpstreamFailure(name,
                    UpstreamFailure.Kind.TLS, "no TLS configuration named " + tlsName + " (quarkus.tls." + tlsName + ".*)",
                    null));
            try {
                if (tls.getKeyStoreOptions() != null) {
                    options.setKeyCertOptions(tls.getKeyStoreOptions());
                }
                if (tls.getTrustStoreOptions() != null) {
                    options.setTrustOptions(tls.getTrustStoreOptions());
                }
                options.setTrustAll(tls.isTrustAll());
                options.setVerifyHost(!"NONE".equalsIgnoreCase(tls.getHostnameVerificationAlgorithm().orElse("HTTPS")));
                LOG.infof("Upstream %s: mutual TLS with TLS configuration %s", name, tlsName);
            } catch (RuntimeException e) {
                throw new UpstreamFailure(name, UpstreamFailure.Kind.TLS, "TLS configuration " + tlsName + " unusable", e);
            }
        });
        return options;
    }

    private void record(String path, String outcome, long nanos) {
        if (registry == null) {
            return;
        }
        Timer.builder("guichet.upstream.requests")
                .description("Calls from this provider to its upstreams, by upstream, path and outcome (HTTP status or failure kind)")
                .tag("upstream", name)
                .tag("path", path)
                .tag("outcome", outcome)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Closes the connection pool. */
    public void close() {
        WebClient client = web;
        if (client != null) {
            client.close();
        }
    }

    /** A 5xx or 429 answer on its way through the circuit breaker. */
    private static final class FailedAnswer extends RuntimeException {
        final UpstreamResponse response;

        FailedAnswer(UpstreamResponse response) {
            super("HTTP " + response.status(), null, false, false);
            this.response = response;
        }
    }
}
