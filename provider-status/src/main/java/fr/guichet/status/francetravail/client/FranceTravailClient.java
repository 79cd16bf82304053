package fr.guichet.status.francetravail.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.upstream.SharedTokens;
import fr.guichet.providerkit.upstream.TokenGrant;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import fr.guichet.status.config.StatusConfig;
import fr.guichet.status.upstream.StatusUpstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * France Travail's two services for API Particulier, as the reference implementation calls them
 * (datagouv/apistration, {@code FranceTravail::Statut} and {@code FranceTravail::Indemnites}):
 *
 * <ul>
 *   <li>an OAuth2 token (client credentials in the form, scope
 *   {@code api_statutaugmentev1 api_liste-paiementsv1 individuStatutAugmente application_<client id>}),
 *   shared by the replicas through the kit's {@link SharedTokens}; a token refused (401) is dropped
 *   and asked for again once;</li>
 *   <li>statut: {@code POST <statut-url>} whose JSON body is the identifiant itself;</li>
 *   <li>indemnités: {@code GET <indemnites-url>?loginMnemotechnique=<identifiant>};</li>
 *   <li>both with the bearer token and {@code X-pe-consommateur: <consumer> - <recipient>}.</li>
 * </ul>
 * What the answers mean (not found, France Travail's own timeout) is decided here, once, for both.
 * Neither the identifiant nor an answer body is ever logged.
 */
@ApplicationScoped
public class FranceTravailClient {

    static final StatusUpstream UPSTREAM = StatusUpstream.FRANCE_TRAVAIL;
    static final String TOKEN_KEY = "guichet:status:france_travail:token";
    static final String NOT_FOUND = "Aucune situation France Travail n'a pu être trouvée avec les critères de recherche fournis.";
    private static final String SETTINGS = "guichet.status.france-travail.";

    private final Upstreams upstreams;
    private final SharedTokens tokens;
    private final StatusConfig.FranceTravail config;
    private final ObjectMapper json;

    public FranceTravailClient(Upstreams upstreams, SharedTokens tokens, StatusConfig config, ObjectMapper json) {
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.config = config == null ? null : config.franceTravail();
        this.json = json;
    }

    /**
     * The "statut augmenté" of a job seeker: France Travail's JSON object.
     *
     * @throws fr.guichet.common.error.ApiException 404 24003 unknown or not registered (HTTP 404 or 206),
     *         504 24002 France Travail's own timeout, 502 24999 any other answer or one without
     *         {@code categorieInscription}, 502 24006 not configured, and the transport errors of
     *         {@link StatusUpstream#send}
     */
    public JsonNode statut(String identifiant, String recipient) {
        String url = required(config.statutUrl(), "statut-url");
        UpstreamResponse response = call(recipient, UpstreamRequest.post(url, "application/json",
                identifiant.getBytes(StandardCharsets.UTF_8)).withMetricPath("/statut"));
        if (response.status() == 404 || response.status() == 206) {
            throw UPSTREAM.notFound(NOT_FOUND);
        }
        JsonNode body = success(response);
        if (body.path("categorieInscription").asText("").isBlank()) {
            throw UPSTREAM.unknownAnswer();
        }
        return body;
    }

    /**
     * The payments made to a job seeker: France Travail's JSON object, whose {@code listePaiement}
     * is not empty.
     *
     * @throws fr.guichet.common.error.ApiException 404 24003 unknown (HTTP 404 or 204) or without
     *         payment, 504 24002 France Travail's own timeout, 502 24999 any other answer or one
     *         without {@code statutInscription}, 502 24006 not configured, and the transport errors
     *         of {@link StatusUpstream#send}
     */
    public JsonNode indemnites(String identifiant, String recipient) {
        String url = required(config.indemnitesUrl(), "indemnites-url");
        UpstreamResponse response = call(recipient, UpstreamRequest.get(url)
                .withQuery(Map.of("loginMnemotechnique", identifiant)).withMetricPath("/indemnites"));
        if (response.status() == 404 || response.status() == 204) {
            throw UPSTREAM.notFound(NOT_FOUND);
        }
        JsonNode body = success(response);
        if (!body.has("statutInscription")) {
            throw UPSTREAM.unknownAnswer();
        }
        if (!body.path("listePaiement").isArray() || body.path("listePaiement").isEmpty()) {
            throw UPSTREAM.notFound(NOT_FOUND);
        }
        return body;
    }

    /** The request with a shared token (replaced once when refused) and the consumer header. */
    private UpstreamResponse call(String recipient, UpstreamRequest request) {
        return UPSTREAM.sendWithToken(upstreams, tokens, grant(),
                request.withHeader("X-pe-consommateur", config.consumer() + " - " + recipient));
    }

    /** The JSON object of a 200 answer; France Travail's timeout (500 naming a TimeoutException) is 504. */
    private JsonNode success(UpstreamResponse response) {
        JsonNode body = readObject(response);
        if (response.status() == 500 && body != null
                && body.path("messageLog").asText("").contains("java.util.concurrent.TimeoutException")) {
            throw UPSTREAM.timeout();
        }
        if (response.status() != 200 || body == null) {
            throw UPSTREAM.unknownAnswer();
        }
        return body;
    }

    private JsonNode readObject(UpstreamResponse response) {
        try {
            JsonNode body = response.body() == null ? null : json.readTree(response.body());
            return body != null && body.isObject() ? body : null;
        } catch (IOException e) {
            return null;
        }
    }

    private TokenGrant grant() {
        String clientId = required(config.clientId(), "client-id");
        return TokenGrant.clientCredentials(TOKEN_KEY, required(config.tokenUrl(), "token-url"), TokenGrant.ClientAuth.POST,
                clientId, required(config.clientSecret(), "client-secret"),
                Optional.of("api_statutaugmentev1 api_liste-paiementsv1 individuStatutAugmente application_" + clientId),
                config.tokenRefreshMargin());
    }

    private static String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> UPSTREAM.notConfigured(SETTINGS + name));
    }
}
