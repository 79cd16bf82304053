package fr.guichet.acoss.upstream;

import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * Blocking HTTP to the upstreams (called from worker threads only), with network failures turned
 * into the API Entreprise errors of the upstream concerned.
 */
@ApplicationScoped
public class UpstreamHttp {

    private static final Logger LOG = Logger.getLogger(UpstreamHttp.class);
    private static final long NETWORK_RETRY_IN_SECONDS = 10;

    private final HttpClient client;
    private final MeterRegistry registry;

    public UpstreamHttp(AcossConfig config, MeterRegistry registry) {
        this.registry = registry;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<byte[]> send(Upstream upstream, HttpRequest request) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            outcome = String.valueOf(response.statusCode());
            LOG.debugf("%s %s %s -> %d in %d ms", upstream, request.method(), request.uri().getPath(),
                    response.statusCode(), (System.nanoTime() - start) / 1_000_000);
            return response;
        } catch (HttpTimeoutException e) {
            outcome = "timeout";
            LOG.warnf("%s %s timed out", upstream, request.uri().getPath());
            throw upstream.failure(504, "002");
        } catch (SSLException e) {
            LOG.warnf("%s TLS failure: %s", upstream, e.getMessage());
            throw upstream.failure(502, "009");
        } catch (IOException e) {
            if (isDnsFailure(e)) {
                throw upstream.failure(504, "004");
            }
            LOG.warnf("%s network failure: %s", upstream, e.toString());
            ApiError network = ErrorCatalogue.standard().error("00501").withMeta("retry_in", NETWORK_RETRY_IN_SECONDS);
            throw new ApiException(504, network);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw upstream.failure(504, "002");
        } finally {
            Timer.builder("guichet.upstream.requests")
                    .description("Calls to URSSAF and GIP-MDS, by upstream, path and HTTP status (or error)")
                    .tag("upstream", upstream.name().toLowerCase(Locale.ROOT))
                    .tag("path", request.uri().getPath())
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private static boolean isDnsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }
}
