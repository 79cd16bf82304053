package fr.guichet.insee.client;

import fr.guichet.insee.config.InseeConfig;
import fr.guichet.insee.error.InseeErrors;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.jboss.logging.Logger;

/**
 * HTTP client of INSEE's Sirene API 3.11. Answers every HTTP status as a {@link SireneResponse}
 * except failures (timeout, network, 5xx, 429), thrown as {@link UpstreamFailure} with their
 * 01xxx error; those open the circuit when INSEE keeps failing.
 */
@ApplicationScoped
public class SireneClient {

    public static final String CIRCUIT = "insee-sirene";
    private static final Logger LOG = Logger.getLogger(SireneClient.class);

    private final InseeConfig.Sirene config;
    private final InseeTokenStore tokens;
    private final UpstreamStats stats;
    private final HttpClient http;

    public SireneClient(InseeConfig config, InseeTokenStore tokens, UpstreamStats stats) {
        this.config = config.sirene();
        this.tokens = tokens;
        this.stats = stats;
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code GET base-url + pathAndQuery} (already encoded). */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = UpstreamFailure.class)
    @CircuitBreakerName(CIRCUIT)
    public SireneResponse get(String pathAndQuery) {
        try {
            SireneResponse response = send(pathAndQuery);
            if (response.status() == 401 && config.auth().mode() == InseeConfig.AuthMode.OAUTH2) {
                // The cached token was revoked or expired early: one retry with a fresh one.
                tokens.invalidate();
                response = send(pathAndQuery);
            }
            UpstreamFailure failure = failureOf(response);
            if (failure != null) {
                throw failure;
            }
            stats.record(true);
            return response;
        } catch (UpstreamFailure e) {
            stats.record(false);
            throw e;
        }
    }

    private SireneResponse send(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.baseUrl() + pathAndQuery))
                .timeout(config.readTimeout())
                .header("Accept", "application/json")
                .GET();
        switch (config.auth().mode()) {
            case OAUTH2 -> request.header("Authorization", "Bearer " + tokens.token());
            case API_KEY -> config.auth().apiKey().ifPresent(key -> request.header(config.auth().apiKeyHeader(), key));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            LOG.debugf("INSEE GET %s -> %d in %d ms", pathAndQuery, response.statusCode(), (System.nanoTime() - start) / 1_000_000);
            return new SireneResponse(response.statusCode(), response.body(),
                    response.headers().firstValue("Location"), response.headers().firstValue("Retry-After"));
        } catch (HttpConnectTimeoutException e) {
            LOG.warnf("INSEE unreachable (connect timeout) for %s", pathAndQuery);
            throw new UpstreamFailure(InseeErrors.unavailable());
        } catch (HttpTimeoutException e) {
            LOG.warnf("INSEE timeout after %s for %s", config.readTimeout(), pathAndQuery);
            throw new UpstreamFailure(InseeErrors.timeout());
        } catch (IOException e) {
            if (unresolvedHost(e)) {
                LOG.warnf("INSEE host name does not resolve for %s", pathAndQuery);
                throw new UpstreamFailure(InseeErrors.dnsFailure());
            }
            LOG.warnf("INSEE unreachable for %s: %s", pathAndQuery, e.toString());
            throw new UpstreamFailure(InseeErrors.unavailable());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(InseeErrors.unavailable());
        }
    }

    private static UpstreamFailure failureOf(SireneResponse response) {
        int status = response.status();
        if (status == 429) {
            return new UpstreamFailure(InseeErrors.tooManyRequests(retryAfter(response)));
        }
        if (status == 503) {
            return new UpstreamFailure(InseeErrors.unavailable());
        }
        if (status == 504) {
            return new UpstreamFailure(InseeErrors.timeout());
        }
        if (status >= 500) {
            return new UpstreamFailure(InseeErrors.internalError());
        }
        if (status == 401) {
            return new UpstreamFailure(InseeErrors.authenticationFailure());
        }
        return null;
    }

    private static boolean unresolvedHost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static Long retryAfter(SireneResponse response) {
        try {
            return response.retryAfter().map(String::strip).map(Long::parseLong).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
