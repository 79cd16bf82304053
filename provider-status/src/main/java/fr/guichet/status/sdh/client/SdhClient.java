package fr.guichet.status.sdh.client;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The sports ministry's athletes service (SDH), as the reference implementation calls it
 * ({@code SDH::StatutSportif}): an OAuth2 token (client credentials in the form, no scope), shared
 * by the replicas through the kit's {@link SharedTokens} and replaced once when refused, then
 * {@code GET <url>/<identifiant>} with it. Neither the identifiant nor the answer is ever logged.
 */
@ApplicationScoped
public class SdhClient {

    static final StatusUpstream UPSTREAM = StatusUpstream.SDH;
    static final String TOKEN_KEY = "guichet:status:sdh:token";

    private final Upstreams upstreams;
    private final SharedTokens tokens;
    private final StatusConfig.Sdh config;
    private final ObjectMapper json;

    public SdhClient(Upstreams upstreams, SharedTokens tokens, StatusConfig config, ObjectMapper json) {
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.config = config == null ? null : config.sdh();
        this.json = json;
    }

    /**
     * The athlete's file: SDH's JSON object.
     *
     * @throws fr.guichet.common.error.ApiException 404 41003 unknown, 502 41999 any other answer,
     *         502 41006 not configured, and the transport errors of {@link StatusUpstream#send}
     */
    public JsonNode athlete(String identifiant) {
        String url = required(config.url(), "url");
        TokenGrant grant = TokenGrant.clientCredentials(TOKEN_KEY, required(config.tokenUrl(), "token-url"),
                TokenGrant.ClientAuth.POST, required(config.clientId(), "client-id"), required(config.clientSecret(), "client-secret"),
                Optional.empty(), config.tokenRefreshMargin());
        UpstreamRequest request = UpstreamRequest.get(url + "/" + URLEncoder.encode(identifiant, StandardCharsets.UTF_8))
                .withHeader("Accept", "application/json").withMetricPath("/{identifiant}");
        UpstreamResponse response = UPSTREAM.sendWithToken(upstreams, tokens, grant, request);
        if (response.status() == 404) {
            throw UPSTREAM.notFound("Le ou les paramètre(s) d'entrée n'existent pas, ne sont pas connus, ou ne comportent "
                    + "aucune information pour cet appel. Veuillez vérifier que votre recherche est couverte par le périmètre de l'API.");
        }
        try {
            JsonNode body = response.status() == 200 ? json.readTree(response.body()) : null;
            if (body == null || !body.isObject()) {
                throw UPSTREAM.unknownAnswer();
            }
            return body;
        } catch (IOException e) {
            throw UPSTREAM.unknownAnswer();
        }
    }

    private static String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> UPSTREAM.notConfigured("guichet.status.sdh." + name));
    }
}
