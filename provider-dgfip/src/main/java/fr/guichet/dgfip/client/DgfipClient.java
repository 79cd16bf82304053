package fr.guichet.dgfip.client;

import fr.guichet.common.error.ApiException;
import fr.guichet.dgfip.config.DgfipConfig;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.providerkit.upstream.TokenEndpointFailure;
import fr.guichet.providerkit.upstream.UpstreamClient;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Authenticated GETs to DGFIP (OAuth2 bearer over mutual TLS), on the kit's upstreams
 * {@value #ADELIE_UPSTREAM} and {@value #ENSU_UPSTREAM} (each its own timeout, circuit breaker,
 * bulkhead and metrics: {@code guichet.upstream.<name>.*}), with DGFIP's answers mapped to API
 * Entreprise errors: 404 → 03003, 429 → 03008 with {@code retry_in}, 401/403 → 03006,
 * 503 → 03001, Adélie's HTML error page → 03501, other failures → 03000/03999; no answer:
 * timeout → 03002, unreachable or circuit open → 03001, unknown host → 03004, TLS → 03009.
 */
@ApplicationScoped
public class DgfipClient {

    /** The upstream of the enterprise operations (attestations, chiffres d'affaires, liasses). */
    public static final String ADELIE_UPSTREAM = "dgfip-adelie";
    /** The upstream of ENSU DOCUMENTS. */
    public static final String ENSU_UPSTREAM = "dgfip-ensu";

    private static final Logger LOG = Logger.getLogger(DgfipClient.class);
    private static final String ACCEPT = "application/json, application/pdf";

    private final Upstreams upstreams;
    private final UpstreamTokens tokens;
    private final DgfipConfig config;

    public DgfipClient(Upstreams upstreams, UpstreamTokens tokens, DgfipConfig config) {
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.config = config;
    }

    /** GET {@code base-url + path}. */
    public UpstreamResponse entreprise(String path, Map<String, String> query) {
        return get(upstreams.client(ADELIE_UPSTREAM), config.upstream().baseUrl() + path, query, DgfipErrors.ADELIE);
    }

    /** GET {@code ensu-base-url + path}. */
    public UpstreamResponse ensu(String path, Map<String, String> query) {
        return get(upstreams.client(ENSU_UPSTREAM), config.upstream().ensuBaseUrl() + path, query, DgfipErrors.ENSU);
    }

    private UpstreamResponse get(UpstreamClient client, String url, Map<String, String> query, String provider) {
        UpstreamRequest request = UpstreamRequest.get(url).withQuery(query).withHeader("Accept", ACCEPT);
        String token = token(client, provider);
        fr.guichet.providerkit.upstream.UpstreamResponse response = call(client, request, token, provider);
        if (response.status() == 401) {
            // Token revoked or rotated by DGFIP before its announced expiry: one fresh try.
            tokens.evict(token);
            response = call(client, request, token(client, provider), provider);
        }
        int status = response.status();
        String contentType = response.contentType().orElse(null);
        if (status >= 200 && status < 300) {
            return new UpstreamResponse(status, contentType, response.body());
        }
        LOG.warnf("DGFIP a répondu HTTP %d pour %s", status, url.replaceAll("^https?://[^/]+", ""));
        throw switch (status) {
            case 404 -> DgfipErrors.notFound(provider);
            case 429 -> DgfipErrors.rateLimited(provider, response.retryAfterSeconds().orElse(config.retryIn().rateLimited()));
            case 401, 403 -> DgfipErrors.authenticationFailed(provider,
                    "La DGFIP a refusé l'accès de Guichet (HTTP " + status + ").");
            case 503 -> DgfipErrors.unavailable(provider, response.retryAfterSeconds().orElse(config.retryIn().unavailable()));
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

    private fr.guichet.providerkit.upstream.UpstreamResponse call(UpstreamClient client, UpstreamRequest request,
                                                                  String token, String provider) {
        try {
            return client.call(request.withHeader("Authorization", "Bearer " + token));
        } catch (UpstreamFailure e) {
            throw transportError(e, provider);
        }
    }

    private String token(UpstreamClient client, String provider) {
        try {
            return tokens.accessToken(client, provider);
        } catch (UpstreamFailure e) {
            throw transportError(e, provider);
        } catch (TokenEndpointFailure e) {
            throw DgfipErrors.authenticationFailed(provider, e.malformed() ? "Réponse OAuth2 DGFIP sans access_token."
                    : "La DGFIP a refusé l'authentification de Guichet (HTTP " + e.status() + ").");
        }
    }

    /** DGFIP's mapping of a call without an answer. */
    private ApiException transportError(UpstreamFailure e, String provider) {
        long retryIn = config.retryIn().unavailable();
        return switch (e.kind()) {
            case TIMEOUT, CONNECT_TIMEOUT -> DgfipErrors.timeout(provider, retryIn);
            case DNS -> DgfipErrors.dnsFailure(provider);
            case TLS -> DgfipErrors.badCertificate(provider);
            case UNREACHABLE, CIRCUIT_OPEN, BULKHEAD_FULL -> DgfipErrors.unavailable(provider, retryIn);
        };
    }
}
