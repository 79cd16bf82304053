package fr.guichet.registers.inpi.client;

import static fr.guichet.registers.upstream.RegisterUpstream.INPI_RNE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.registers.inpi.config.InpiConfig;
import fr.guichet.registers.upstream.UpstreamCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * INPI's bearer token: {@code POST} of {@code {"username","password"}} in JSON to the login URL,
 * answered {@code {"token": "<JWT>"}}, as recorded. The token is kept by this replica until 10 s
 * before its JWT {@code exp} (the reference's margin); a token already expired, or whose
 * {@code exp} cannot be read, serves the one call and is not kept. A refused login (or any
 * answer without a token) is 502 {@code 34006}.
 */
@ApplicationScoped
public class InpiTokens {

    static final long MARGIN_SECONDS = 10;

    private final UpstreamCalls calls;
    private final InpiConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile String token;
    private volatile long validUntil;

    public InpiTokens(UpstreamCalls calls, InpiConfig config, ObjectMapper json) {
        this.calls = calls;
        this.config = config;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /** A token for the data calls. */
    public String token() {
        String kept = token;
        if (kept != null && clock.instant().getEpochSecond() < validUntil) {
            return kept;
        }
        return login();
    }

    /** Forgets {@code refused} (INPI answered 401 to it), so that the next call logs in again. */
    public void reject(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }

    private synchronized String login() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", config.username().orElse(""));
        credentials.put("password", config.password().orElse(""));
        byte[] body;
        try {
            body = json.writeValueAsBytes(credentials);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String url = config.loginUrl().orElseThrow(() -> new IllegalStateException("guichet.registers.inpi.login-url is not set"));
        UpstreamResponse response = calls.send(INPI_RNE, UpstreamRequest.post(url, "application/json", body)
                .withMetricPath("/login"));
        String fresh = response.status() == 200 ? tokenOf(response.body()) : null;
        if (fresh == null) {
            throw INPI_RNE.failure(502, "006");
        }
        Long exp = expiry(fresh);
        if (exp != null && exp - MARGIN_SECONDS > clock.instant().getEpochSecond()) {
            validUntil = exp - MARGIN_SECONDS;
            token = fresh;
        }
        return fresh;
    }

    private String tokenOf(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.hasNonNull("token") ? node.get("token").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The JWT's {@code exp} (seconds), read without verifying: INPI signed it for itself. */
    Long expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.hasNonNull("exp") ? claims.get("exp").asLong() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
