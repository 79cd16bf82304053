package fr.guichet.gateway.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.config.GatewayConfig;
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

/** token-service's {@code GET /internal/tokens/{jti}}: the authority when Redis has no copy. */
@ApplicationScoped
public class TokenServiceClient {

    private static final Logger LOG = Logger.getLogger(TokenServiceClient.class);

    private final GatewayConfig.TokenService config;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public TokenServiceClient(GatewayConfig config, ObjectMapper mapper) {
        this.config = config.tokenService();
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.config.timeout()).build();
    }

    /** The token's state, empty if token-service does not know it; 503 if it cannot be asked. */
    public Optional<TokenState> fetch(String jti) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url() + "/internal/tokens/"
                        + URLEncoder.encode(jti, StandardCharsets.UTF_8)))
                .timeout(config.timeout()).header("Accept", "application/json").GET().build();
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

    static TokenState parse(JsonNode json) {
        Set<String> scopes = new LinkedHashSet<>();
        json.path("scopes").forEach(s -> scopes.add(s.asText()));
        List<String> ips = new ArrayList<>();
        json.path("allowed_ips").forEach(s -> ips.add(s.asText()));
        return new TokenState(json.path("status").asText("active"), json.path("exp").asLong(), Set.copyOf(scopes),
                List.copyOf(ips), json.path("rate_limit_per_minute").asInt(0), json.path("habilitation_id").asText(null),
                json.path("siret").asText(null), json.path("api_kind").asText("entreprise"));
    }
}
