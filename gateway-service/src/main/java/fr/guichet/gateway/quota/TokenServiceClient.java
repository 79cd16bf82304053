package fr.guichet.gateway.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.security.ServiceCredentials;
import fr.guichet.gateway.config.GatewayConfig;
import fr.guichet.gateway.config.ServiceAuth;
import java.io.IOException;
import fr.guichet.gateway.service.Errors;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * token-service's internal routes, called with the gateway's service credential:
 * {@code GET /internal/tokens/{jti}} (the authority when Redis has no copy) and
 * {@code GET /internal/tokens/revoked} (every revoked, unexpired token, for the local revoked set).
 */
@ApplicationScoped
public class TokenServiceClient {

    private static final Logger LOG = Logger.getLogger(TokenServiceClient.class);

    private final GatewayConfig.TokenService config;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final ServiceAuth auth;

    public TokenServiceClient(GatewayConfig config, ObjectMapper mapper, ServiceAuth auth) {
        this.config = config.tokenService();
        this.mapper = mapper;
        this.auth = auth;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.config.timeout()).build();
    }

    /** The token's state, empty if token-service does not know it; 503 if it cannot be asked. */
    public Optional<TokenState> fetch(String jti) {
        HttpRequest request = internal("/internal/tokens/" + URLEncoder.encode(jti, StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                LOG.warnf("token-service answered %d for token %s", response.statusCode(), jti);
                throw Errors.tokenServiceUnreachable();
            }
            return Optional.of(parse(mapper.readTree(response.body())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.tokenServiceUnreachable();
        } catch (java.io.IOException e) {
            LOG.warnf("token-service unreachable for token %s: %s", jti, e.toString());
            throw Errors.tokenServiceUnreachable();
        }
    }

    /** One revoked token: its jti and its end (epoch seconds), after which nobody can present it. */
    public record Revoked(String jti, long exp) {
    }

    /**
     * Every revoked token whose end has not passed, as token-service lists them.
     *
     * @throws IOException when token-service cannot be asked or answers anything but 200
     *                     (404: a token-service without the route yet)
     */
    public List<Revoked> revoked() throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(internal("/internal/tokens/revoked"), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("token-service answered " + response.statusCode() + " to /internal/tokens/revoked");
        }
        List<Revoked> out = new ArrayList<>();
        for (JsonNode entry : mapper.readTree(response.body()).path("data")) {
            String jti = entry.path("jti").asText(null);
            if (jti != null && !jti.isBlank()) {
                out.add(new Revoked(jti, entry.path("exp").asLong(0)));
            }
        }
        return out;
    }

    private HttpRequest internal(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.url() + path))
                .timeout(config.timeout()).header("Accept", "application/json");
        auth.credentialFor(ServiceAuth.TOKEN_SERVICE).ifPresent(c -> builder.header(ServiceCredentials.HEADER, c));
        return builder.GET().build();
    }

    static TokenState parse(JsonNode json) {
        Set<String> scopes = new LinkedHashSet<>();
        json.path("scopes").forEach(s -> scopes.add(s.asText()));
        List<String> ips = new ArrayList<>();
        json.path("allowed_ips").forEach(s -> ips.add(s.asText()));
        return new TokenState(json.path("status").asText("active"), json.path("exp").asLong(), Set.copyOf(scopes),
                List.copyOf(ips), json.path("rate_limit_per_minute").asInt(0), json.path("habilitation_id").asText(null),
                json.path("siret").asText(null), json.path("api_kind").asText("entreprise"),
                fr.guichet.gateway.period.PeriodRights.parse(json.get("periods")),
                json.path("suspended").isTextual() && !json.path("suspended").asText().isBlank() ? json.path("suspended").asText() : null);
    }
}
