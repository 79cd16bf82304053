package fr.guichet.insee.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.insee.config.InseeConfig;
import fr.guichet.insee.error.InseeErrors;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * INSEE OAuth2 access token, shared by all replicas through Redis and renewed
 * {@code refresh-margin} before it expires. Client credentials grant, or the password grant of
 * INSEE's former portal when a username and password are configured.
 */
@ApplicationScoped
public class InseeTokenStore {

    static final String KEY = "guichet:insee:oauth-token";
    private static final Logger LOG = Logger.getLogger(InseeTokenStore.class);

    private final InseeConfig.Auth auth;
    private final Duration timeout;
    private final ValueCommands<String, String> redis;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;

    public InseeTokenStore(InseeConfig config, RedisDataSource redis) {
        this.auth = config.sirene().auth();
        this.timeout = config.sirene().readTimeout();
        this.redis = redis.value(String.class);
        this.http = HttpClient.newBuilder().connectTimeout(config.sirene().connectTimeout()).build();
    }

    public String token() {
        String cached = cached();
        return cached != null ? cached : renewOnce();
    }

    /** One renewal at a time in this replica: concurrent callers reuse the token it stored. */
    private synchronized String renewOnce() {
        String cached = cached();
        return cached != null ? cached : renew();
    }

    private String cached() {
        try {
            return redis.get(KEY);
        } catch (RuntimeException e) {
            LOG.warnf("Redis unavailable for the INSEE token, asking INSEE directly: %s", e.getMessage());
            return null;
        }
    }

    /** INSEE refused the token (401): forget it so that the next call asks for a new one. */
    public void invalidate() {
        try {
            redis.getdel(KEY);
        } catch (RuntimeException e) {
            LOG.warnf("Could not drop the INSEE token from Redis: %s", e.getMessage());
        }
    }

    private String renew() {
        Map<String, String> form = new LinkedHashMap<>();
        auth.clientId().ifPresent(v -> form.put("client_id", v));
        auth.clientSecret().ifPresent(v -> form.put("client_secret", v));
        if (auth.username().isPresent() && auth.password().isPresent()) {
            form.put("grant_type", "password");
            form.put("username", auth.username().get());
            form.put("password", auth.password().get());
        } else {
            form.put("grant_type", "client_credentials");
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(auth.tokenUrl()))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new UpstreamFailure(InseeErrors.timeout());
        } catch (IOException e) {
            throw new UpstreamFailure(InseeErrors.unavailable());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(InseeErrors.unavailable());
        }
        if (response.statusCode() != 200) {
            LOG.errorf("INSEE token endpoint answered %d", response.statusCode());
            throw new UpstreamFailure(response.statusCode() >= 500 ? InseeErrors.unavailable() : InseeErrors.authenticationFailure());
        }
        try {
            JsonNode token = json.readTree(response.body());
            String accessToken = token.path("access_token").asText(null);
            if (accessToken == null) {
                throw new UpstreamFailure(InseeErrors.authenticationFailure());
            }
            long ttl = token.path("expires_in").asLong(0) - auth.refreshMargin().toSeconds();
            if (ttl > 0) {
                try {
                    redis.set(KEY, accessToken, new SetArgs().ex(ttl));
                } catch (RuntimeException e) {
                    LOG.warnf("Could not cache the INSEE token in Redis: %s", e.getMessage());
                }
            }
            return accessToken;
        } catch (IOException e) {
            throw new UpstreamFailure(InseeErrors.authenticationFailure());
        }
    }
}
