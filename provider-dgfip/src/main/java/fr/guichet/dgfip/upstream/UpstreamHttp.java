package fr.guichet.dgfip.upstream;

import fr.guichet.common.error.ApiException;
import fr.guichet.dgfip.config.DgfipConfig;
import fr.guichet.dgfip.error.DgfipErrors;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.jboss.logging.Logger;

/**
 * HTTPS to DGFIP: mutual TLS with the client certificate and trust store of the TLS registry entry
 * {@code guichet.dgfip.upstream.tls-configuration-name}, timeouts, and transport failures mapped to
 * API Entreprise 03xxx errors. Blocking: called from worker threads only.
 */
@ApplicationScoped
public class UpstreamHttp {

    private static final Logger LOG = Logger.getLogger(UpstreamHttp.class);

    private final DgfipConfig config;
    private final TlsConfigurationRegistry tlsRegistry;
    private volatile HttpClient client;

    public UpstreamHttp(DgfipConfig config, TlsConfigurationRegistry tlsRegistry) {
        this.config = config;
        this.tlsRegistry = tlsRegistry;
    }

    /** GET {@code url?query} with the given headers. Any non-2xx answer is returned as is. */
    public HttpResponse<byte[]> get(String url, Map<String, String> query, Map<String, String> headers, String provider) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(url, query)).GET();
        headers.forEach(request::header);
        return send(request, provider);
    }

    /** POST an {@code application/x-www-form-urlencoded} body. */
    public HttpResponse<byte[]> postForm(String url, Map<String, String> form, Map<String, String> headers,
                                         String provider) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(request::header);
        return send(request, provider);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String provider) {
        HttpRequest built = request.timeout(config.upstream().timeout()).header("Accept", "application/json, application/pdf")
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client().send(built, HttpResponse.BodyHandlers.ofByteArray());
            LOG.debugf("DGFIP %s %s -> %d en %d ms", built.method(), built.uri().getPath(), response.statusCode(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
            return response;
        } catch (ConnectException e) {
            LOG.warnf("DGFIP injoignable (%s) : %s", built.uri().getHost(), e.toString());
            throw isDns(e) ? DgfipErrors.dnsFailure(provider)
                    : DgfipErrors.unavailable(provider, config.retryIn().unavailable());
        } catch (HttpTimeoutException e) {
            // Connect or response: either way DGFIP did not answer in time (HttpConnectTimeoutException included).
            LOG.warnf("DGFIP hors délai après %s : %s", config.upstream().timeout(), built.uri().getPath());
            throw DgfipErrors.timeout(provider, config.retryIn().unavailable());
        } catch (SSLException e) {
            LOG.errorf("Échec TLS avec la DGFIP : %s", e.toString());
            throw DgfipErrors.badCertificate(provider);
        } catch (IOException e) {
            if (isDns(e)) {
                throw DgfipErrors.dnsFailure(provider);
            }
            if (hasCause(e, SSLException.class)) {
                LOG.errorf("Échec TLS avec la DGFIP : %s", e.toString());
                throw DgfipErrors.badCertificate(provider);
            }
            LOG.warnf("Erreur réseau avec la DGFIP : %s", e.toString());
            throw DgfipErrors.unavailable(provider, config.retryIn().unavailable());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DgfipErrors.unavailable(provider, config.retryIn().unavailable());
        }
    }

    /** Built on first production call, so that sandbox mode needs no certificate. */
    HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = build();
                    client = c;
                }
            }
        }
        return c;
    }

    private HttpClient build() {
        String name = config.upstream().tlsConfigurationName();
        TlsConfiguration tls = tlsRegistry.get(name).orElseThrow(() -> new ApiException(502,
                DgfipErrors.badCertificate(DgfipErrors.ADELIE).errors().get(0)
                        .withDetail("Configuration TLS « " + name + " » absente : certificat client DGFIP non configuré.")));
        try {
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm(tls.getHostnameVerificationAlgorithm().orElse("HTTPS"));
            LOG.infof("Client DGFIP : TLS mutuel avec la configuration « %s »", name);
            return HttpClient.newBuilder()
                    .sslContext(tls.createSSLContext())
                    .sslParameters(parameters)
                    .connectTimeout(config.upstream().connectTimeout())
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("Configuration TLS « " + name + " » inutilisable", e);
        }
    }

    static URI uri(String url, Map<String, String> query) {
        if (query.isEmpty()) {
            return URI.create(url);
        }
        return URI.create(url + (url.contains("?") ? "&" : "?") + encode(query));
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static boolean isDns(Throwable e) {
        return hasCause(e, UnknownHostException.class) || hasCause(e, UnresolvedAddressException.class);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
