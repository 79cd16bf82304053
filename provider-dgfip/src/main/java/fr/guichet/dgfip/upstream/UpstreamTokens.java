package fr.guichet.dgfip.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.dgfip.config.DgfipConfig;
import fr.guichet.dgfip.error.DgfipErrors;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * DGFIP's OAuth2 client-credentials access token (RFC 6749 §4.4), cached in Redis so that every
 * replica shares it; the cache entry expires {@code refresh-margin} before the token does, so a
 * token is renewed before DGFIP would refuse it. A short Redis lock keeps replicas from asking
 * for new tokens all at once.
 */
@ApplicationScoped
public class UpstreamTokens {

    private static final Logger LOG = Logger.getLogger(UpstreamTokens.class);
    public static final String KEY = "guichet:dgfip:oauth:access_token";
    static final String LOCK_KEY = KEY + ":lock";
    static final Duration LOCK_TTL = Duration.ofSeconds(10);

    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;
    private final UpstreamHttp http;
    private final DgfipConfig.OAuth config;
    private final ObjectMapper json;

    public UpstreamTokens(RedisDataSource redis, UpstreamHttp http, DgfipConfig config, ObjectMapper json) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.http = http;
        this.config = config.oauth();
        this.json = json;
    }

    public String accessToken(String provider) {
        String cached = values.get(KEY);
        if (cached != null) {
            return cached;
        }
        boolean locked = values.setnx(LOCK_KEY, "1");
        if (locked) {
            // A replica that dies while fetching must not hold the lock for ever.
            keys.expire(LOCK_KEY, LOCK_TTL);
            try {
                return fetch(provider);
            } finally {
                values.getdel(LOCK_KEY);
            }
        }
        // Another replica is fetching: wait briefly for its token, then fetch ourselves.
        for (int i = 0; i < 20; i++) {
            sleep(50);
            cached = values.get(KEY);
            if (cached != null) {
                return cached;
            }
        }
        return fetch(provider);
    }

    /** DGFIP refused the cached token (revoked, rotated): forget it. */
    public void evict() {
        values.getdel(KEY);
    }

    private String fetch(String provider) {
        String clientId = config.clientId().orElseThrow(() -> DgfipErrors.authenticationFailed(provider,
                "Identifiants OAuth2 DGFIP non configurés (guichet.dgfip.oauth.client-id)."));
        String secret = config.clientSecret().orElse("");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        config.scope().ifPresent(s -> form.put("scope", s));
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = http.postForm(config.tokenUrl(), form, Map.of("Authorization", "Basic " + basic),
                provider);
        if (response.statusCode() != 200) {
            LOG.errorf("Jeton OAuth2 DGFIP refusé : HTTP %d", response.statusCode());
            throw DgfipErrors.authenticationFailed(provider,
                    "La DGFIP a refusé l'authentification de Guichet (HTTP " + response.statusCode() + ").");
        }
        try {
            JsonNode body = json.readTree(response.body());
            String token = body.path("access_token").asText(null);
            long expiresIn = body.path("expires_in").asLong(3600);
            if (token == null || token.isBlank()) {
                throw DgfipErrors.authenticationFailed(provider, "Réponse OAuth2 DGFIP sans access_token.");
            }
            long cacheSeconds = expiresIn - config.refreshMargin().toSeconds();
            if (cacheSeconds > 0) {
                values.set(KEY, token, new SetArgs().ex(Duration.ofSeconds(cacheSeconds)));
            }
            LOG.infof("Nouveau jeton OAuth2 DGFIP, valable %d s (renouvelé après %d s)", expiresIn, Math.max(cacheSeconds, 0));
            return token;
        } catch (IOException e) {
            throw DgfipErrors.authenticationFailed(provider, "Réponse OAuth2 DGFIP illisible.");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
