package fr.guichet.gateway.franceconnect;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * FranceConnect's check-token endpoint: {@code POST} form {@code token}, {@code client_id},
 * {@code client_secret} (as the reference's FranceConnect MakeRequest), behind a circuit breaker
 * that opens on transport failures only (an answer, whatever its status, is not a failure).
 * The token is never logged.
 */
@ApplicationScoped
public class CheckTokenClient {

    private static final Logger LOG = Logger.getLogger(CheckTokenClient.class);

    /** What FranceConnect answered: status and raw body (a compact JWE on success). */
    record Answer(int status, String contentType, String body) {
    }

    /** FranceConnect could not be reached or did not answer in time. */
    static final class TransportException extends RuntimeException {
        TransportException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private final FranceConnectConfig config;
    private final HttpClient http;
    private final Guard guard;

    public CheckTokenClient(FranceConnectConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout()).build();
        this.guard = Guard.create()
                .withDescription("franceconnect-check-token")
                .withCircuitBreaker()
                .name("franceconnect-check-token")
                .requestVolumeThreshold(config.circuitRequestVolume())
                .failureRatio(config.circuitFailureRatio())
                .delay(config.circuitDelay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .when(TransportException.class::isInstance)
                .onStateChange(s -> LOG.warnf("Circuit breaker of FranceConnect check-token is now %s", s))
                .done()
                .build();
    }

    /**
     * @throws fr.guichet.common.error.ApiException 504 {@code 51002} unreachable or no answer within
     *         {@code guichet.gateway.franceconnect.timeout}; 503 {@code 51001} circuit open
     */
    Answer check(String token) {
        String form = "token=" + encode(token)
                + "&client_id=" + encode(config.clientId().orElse(""))
                + "&client_secret=" + encode(config.clientSecret().orElse(""));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.checkTokenUrl().orElseThrow(FranceConnectErrors::unexpected)))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/jwt, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        try {
            return guard.call(() -> send(request), Answer.class);
        } catch (TransportException e) {
            LOG.warnf("FranceConnect check-token: %s", e.getMessage());
            throw FranceConnectErrors.timeout();
        } catch (CircuitBreakerOpenException e) {
            throw FranceConnectErrors.unavailable();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw FranceConnectErrors.timeout();
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (HttpTimeoutException e) {
            throw new TransportException("no answer within " + config.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            // The exception names the URL only, never the form (the token is in the body).
            throw new TransportException("unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
