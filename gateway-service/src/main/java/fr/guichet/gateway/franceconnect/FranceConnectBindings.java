package fr.guichet.gateway.franceconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.security.ServiceCredentials;
import fr.guichet.gateway.config.GatewayConfig;
import fr.guichet.gateway.config.ServiceAuth;
import fr.guichet.gateway.service.Errors;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The habilitation a partner's FranceConnect client is bound to, from token-service's
 * {@code GET /internal/franceconnect/clients/{client_id}} (service credential), kept
 * {@code binding-cache-ttl} so that a burst of FranceConnect calls asks token-service once.
 */
@ApplicationScoped
public class FranceConnectBindings {

    private static final Logger LOG = Logger.getLogger(FranceConnectBindings.class);
    /** Client ids come from FranceConnect's signed answers; the bound keeps a misbehaving one harmless. */
    static final int MAX_CACHED = 10_000;

    /** What token-service answers; {@code exp} in epoch seconds. */
    record Binding(String habilitationId, String siret, String apiKind, List<String> scopes, String jti, long exp) {
    }

    private record Cached(Optional<Binding> binding, long until) {
    }

    private final GatewayConfig.TokenService tokenService;
    private final FranceConnectConfig config;
    private final ServiceAuth auth;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public FranceConnectBindings(GatewayConfig gateway, FranceConnectConfig config, ServiceAuth auth, ObjectMapper mapper) {
        this.tokenService = gateway.tokenService();
        this.config = config;
        this.auth = auth;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(tokenService.timeout()).build();
    }

    /**
     * The binding of {@code clientId}; empty when token-service knows none (or none with a live token).
     *
     * @throws fr.guichet.common.error.ApiException 503 {@code 00501} when token-service cannot be asked
     */
    Optional<Binding> find(String clientId) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(clientId);
        if (cached != null && cached.until() > now
                && cached.binding().map(b -> b.exp() * 1000 > now).orElse(true)) {
            return cached.binding();
        }
        Optional<Binding> binding = fetch(clientId);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(clientId, new Cached(binding, now + config.bindingCacheTtl().toMillis()));
        return binding;
    }

    private Optional<Binding> fetch(String clientId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(tokenService.url() + "/internal/franceconnect/clients/"
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(tokenService.timeout()).header("Accept", "application/json");
        auth.credentialFor(ServiceAuth.TOKEN_SERVICE).ifPresent(c -> builder.header(ServiceCredentials.HEADER, c));
        try {
            HttpResponse<byte[]> response = http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                LOG.warnf("token-service answered %d for FranceConnect client %s", response.statusCode(), clientId);
                throw Errors.tokenServiceUnreachable();
            }
            JsonNode json = mapper.readTree(response.body());
            List<String> scopes = new ArrayList<>();
            json.path("scopes").forEach(s -> scopes.add(s.asText()));
            return Optional.of(new Binding(json.path("habilitation_id").asText(null), json.path("siret").asText(null),
                    json.path("api_kind").asText("particulier"), List.copyOf(scopes), json.path("jti").asText(null),
                    json.path("exp").asLong(0)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.tokenServiceUnreachable();
        } catch (IOException e) {
            LOG.warnf("token-service unreachable for FranceConnect client %s: %s", clientId, e.toString());
            throw Errors.tokenServiceUnreachable();
        }
    }
}
