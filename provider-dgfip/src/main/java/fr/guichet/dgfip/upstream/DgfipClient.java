package fr.guichet.dgfip.upstream;

import fr.guichet.dgfip.config.DgfipConfig;
import fr.guichet.dgfip.error.DgfipErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Authenticated GETs to DGFIP (OAuth2 bearer over mutual TLS) with DGFIP's answers mapped to
 * API Entreprise errors: 404 → 03003, 429 → 03008 with {@code retry_in}, 401/403 → 03006,
 * 503 → 03001, Adélie's HTML error page → 03501, other failures → 03000/03999.
 */
@ApplicationScoped
public class DgfipClient {

    private static final Logger LOG = Logger.getLogger(DgfipClient.class);

    private final UpstreamHttp http;
    private final UpstreamTokens tokens;
    private final DgfipConfig config;

    public DgfipClient(UpstreamHttp http, UpstreamTokens tokens, DgfipConfig config) {
        this.http = http;
        this.tokens = tokens;
        this.config = config;
    }

    /** GET {@code base-url + path}. */
    public UpstreamResponse entreprise(String path, Map<String, String> query) {
        return get(config.upstream().baseUrl() + path, query, DgfipErrors.ADELIE);
    }

    /** GET {@code ensu-base-url + path}. */
    public UpstreamResponse ensu(String path, Map<String, String> query) {
        return get(config.upstream().ensuBaseUrl() + path, query, DgfipErrors.ENSU);
    }

    private UpstreamResponse get(String url, Map<String, String> query, String provider) {
        HttpResponse<byte[]> response = call(url, query, provider);
        if (response.statusCode() == 401) {
            // Token revoked or rotated by DGFIP before its announced expiry: one fresh try.
            tokens.evict();
            response = call(url, query, provider);
        }
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (status >= 200 && status < 300) {
            return new UpstreamResponse(status, contentType, response.body());
        }
        LOG.warnf("DGFIP a répondu HTTP %d pour %s", status, url.replaceAll("^https?://[^/]+", ""));
        throw switch (status) {
            case 404 -> DgfipErrors.notFound(provider);
            case 429 -> DgfipErrors.rateLimited(provider, retryAfter(response, config.retryIn().rateLimited()));
            case 401, 403 -> DgfipErrors.authenticationFailed(provider,
                    "La DGFIP a refusé l'accès de Guichet (HTTP " + status + ").");
            case 503 -> DgfipErrors.unavailable(provider, retryAfter(response, config.retryIn().unavailable()));
            case 504 -> DgfipErrors.timeout(provider, config.retryIn().unavailable());
            default -> {
                boolean html = contentType != null && contentType.contains("html");
                if (status == 500 && html && DgfipErrors.ADELIE.equals(provider)) {
                    yield DgfipErrors.potentialNotFound();
                }
                yield status >= 500 ? DgfipErrors.internalError(provider)
                        : DgfipErrors.unknown(provider, "Réponse inattendue de la DGFIP (HTTP " + status + ").");
            }
        };
    }

    private HttpResponse<byte[]> call(String url, Map<String, String> query, String provider) {
        String token = tokens.accessToken(provider);
        return http.get(url, query, Map.of("Authorization", "Bearer " + token), provider);
    }

    /** Retry-After in seconds (RFC 9110 also allows a date: then the default applies). */
    static long retryAfter(HttpResponse<?> response, long fallback) {
        return response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,6}"))
                .map(Long::parseLong).filter(v -> v > 0).orElse(fallback);
    }
}
