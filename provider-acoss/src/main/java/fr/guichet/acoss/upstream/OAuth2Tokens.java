package fr.guichet.acoss.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.acoss.error.Errors;
import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.common.error.ApiException;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * OAuth2 client-credentials tokens of the upstreams, shared by every replica through Redis and
 * dropped {@code guichet.acoss.token-refresh-margin} before they expire, so a fresh one is fetched
 * before the upstream would refuse the old one.
 */
@ApplicationScoped
public class OAuth2Tokens {

    public static final String KEY_PREFIX = "guichet:acoss:oauth2:";

    private static final Logger LOG = Logger.getLogger(OAuth2Tokens.class);

    private final ValueCommands<String, String> values;
    private final UpstreamHttp http;
    private final ObjectMapper mapper;
    private final Duration refreshMargin;

    public OAuth2Tokens(RedisDataSource redis, UpstreamHttp http, ObjectMapper mapper, AcossConfig config) {
        this.values = redis.value(String.class);
        this.http = http;
        this.mapper = mapper;
        this.refreshMargin = config.tokenRefreshMargin();
    }

    /** A valid access token for {@code upstream}: the cached one, or a new one from {@code tokenUrl}. */
    public String token(Upstream upstream, URI tokenUrl, Map<String, String> form, Duration timeout) {
        String key = key(upstream);
        String cached = values.get(key);
        if (cached != null) {
            return cached;
        }
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build();
        HttpResponse<byte[]> response = http.send(upstream, request);
        int status = response.statusCode();
        if (status != 200) {
            LOG.warnf("%s refused the token request: HTTP %d", upstream, status);
            throw tokenFailure(upstream, status);
        }
        JsonNode body;
        try {
            body = mapper.readTree(response.body());
        } catch (IOException e) {
            throw upstream.failure(502, "999");
        }
        String token = body == null ? null : body.path("access_token").asText(null);
        long expiresIn = body == null ? 0 : body.path("expires_in").asLong(0);
        if (token == null || token.isBlank() || expiresIn <= 0) {
            throw upstream.failure(502, "999");
        }
        long keep = expiresIn - refreshMargin.toSeconds();
        if (keep <= 0) {
            keep = Math.max(1, expiresIn / 2);
        }
        values.setex(key, keep, token);
        LOG.debugf("%s token cached for %d s (expires in %d s)", upstream, keep, expiresIn);
        return token;
    }

    /** Forgets the cached token, e.g. after the upstream answered 401 with it. */
    public void evict(Upstream upstream) {
        values.getdel(key(upstream));
    }

    public static String key(Upstream upstream) {
        return KEY_PREFIX + upstream.name().toLowerCase(Locale.ROOT);
    }

    private static ApiException tokenFailure(Upstream upstream, int status) {
        if (status == 429) {
            return upstream == Upstream.GIP_MDS
                    ? new ApiException(502, Errors.gipMds("31503"))
                    : upstream.failure(502, "008");
        }
        if (status == 503) {
            return upstream.failure(504, "001");
        }
        if (status >= 500 && upstream == Upstream.GIP_MDS) {
            return new ApiException(502, Errors.gipMds("31502"));
        }
        if (status >= 500) {
            return upstream.failure(502, "000");
        }
        return upstream.failure(502, "006");
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
