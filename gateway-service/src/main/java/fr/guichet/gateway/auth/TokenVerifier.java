package fr.guichet.gateway.auth;

import fr.guichet.gateway.config.GatewayConfig;
import fr.guichet.gateway.config.PlatformUrls;
import fr.guichet.gateway.service.Errors;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Verifies API tokens per RFC 8725: algorithm pinned to ES256 (what token-service signs with),
 * {@code kid} resolved in token-service's JWKS, {@code iss}, {@code aud}, {@code exp}, {@code nbf},
 * and explicit typing: {@code JWT} (long-lived API token) or {@code at+jwt} (OAuth2 access token);
 * session tokens ({@code session+jwt}) are never accepted here.
 */
@ApplicationScoped
@Startup
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);
    private static final int MAX_TOKEN_LENGTH = 8192;

    private final GatewayConfig.TokenService config;
    private final PlatformUrls urls;
    private final JwksKeyResolver resolver;
    private final JwtConsumer consumer;
    /**
     * Tokens whose signature and claims were checked recently: ES256 verification is the costliest
     * step of a call. Never past {@code exp}; revocation is not cached (the Redis guard checks it
     * on every call). A retired signing key stops being honoured within {@link #CACHE_MILLIS}.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();
    static final long CACHE_MILLIS = 60_000;
    private static final int CACHE_MAX = 20_000;

    private record Verified(CallerToken token, long untilMillis) {
    }

    @Inject
    public TokenVerifier(GatewayConfig config, PlatformUrls urls) {
        this(config.tokenService(), jwksResolver(config.tokenService()), urls);
    }

    /** For tests of the claim rules with a key set held in memory. */
    public TokenVerifier(GatewayConfig.TokenService config, VerificationKeyResolver keyResolver, PlatformUrls urls) {
        this.config = config;
        this.urls = urls;
        this.resolver = keyResolver instanceof JwksKeyResolver r ? r : null;
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(keyResolver)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setAllowedClockSkewInSeconds(config.clockSkewSeconds())
                .build();
    }

    private static JwksKeyResolver jwksResolver(GatewayConfig.TokenService config) {
        HttpsJwks jwks = new HttpsJwks(config.url() + "/.well-known/jwks.json");
        jwks.setDefaultCacheDuration(config.jwksCacheDuration().toSeconds());
        // Keep serving the last good key set for a while if token-service is briefly unreachable.
        jwks.setRetainCacheOnErrorDuration(config.jwksCacheDuration().toSeconds());
        Get get = new Get();
        get.setConnectTimeout((int) config.timeout().toMillis());
        get.setReadTimeout((int) config.timeout().toMillis());
        jwks.setSimpleHttpGet(get);
        return new JwksKeyResolver(jwks, config.jwksRefreshMinInterval(), Clock.systemUTC());
    }

    /** The JWKS resolver, for readiness; null when built with an in-memory key set. */
    public JwksKeyResolver jwks() {
        return resolver;
    }

    /**
     * True when verifying this token would fetch token-service's JWKS (its {@code kid} is not in
     * the last fetched key set, nor the token among those verified recently): the caller then
     * verifies it on a worker thread, never on the event loop. False for what fails without I/O
     * (no token, not a JWS).
     */
    public boolean needsKeyFetch(String token) {
        if (resolver == null || token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        Verified hit = verified.get(token);
        if (hit != null && System.currentTimeMillis() < hit.untilMillis()) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            String header = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, dot)),
                    java.nio.charset.StandardCharsets.UTF_8);
            Object kid = org.jose4j.json.JsonUtil.parseJson(header).get("kid");
            return kid instanceof String k && !resolver.hasCachedKey(k);
        } catch (IllegalArgumentException | org.jose4j.lang.JoseException e) {
            return false;
        }
    }

    /** Keeps the JWKS fresh off the request path: calls read the last fetched set, never wait on a fetch. */
    @io.quarkus.scheduler.Scheduled(every = "${guichet.gateway.token-service.jwks-refresh-every:60s}",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void refreshKeys() {
        if (resolver != null) {
            resolver.refresh();
        }
    }

    /** Verifies the token or throws the API Entreprise 401 (00101 invalid, 00103 expired). */
    public CallerToken verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw Errors.invalidToken();
        }
        long now = System.currentTimeMillis();
        Verified hit = verified.get(token);
        if (hit != null && now < hit.untilMillis()) {
            return hit.token();
        }
        CallerToken checked = check(token);
        if (verified.size() >= CACHE_MAX) {
            verified.clear();
        }
        verified.put(token, new Verified(checked, Math.min(checked.expiresAt() * 1000, now + CACHE_MILLIS)));
        return checked;
    }

    private CallerToken check(String token) {
        try {
            JwtContext context = consumer.process(token);
            String typ = context.getJoseObjects().get(0).getHeaders().getStringHeaderValue("typ");
            JwtClaims claims = context.getJwtClaims();
            String type = normaliseType(typ);
            if (type == null) {
                LOG.debugf("Token %s refused: typ %s", safeJti(claims), typ);
                throw Errors.invalidToken();
            }
            long iat = claims.getIssuedAt().getValue();
            long exp = claims.getExpirationTime().getValue();
            long maxLifetime = CallerToken.TYPE_ACCESS.equals(type)
                    ? config.accessTokenMaxLifetime().toSeconds() : config.apiTokenMaxLifetime().toSeconds();
            if (exp - iat > maxLifetime) {
                LOG.debugf("Token %s refused: lifetime %d s beyond %d s", safeJti(claims), exp - iat, maxLifetime);
                throw Errors.invalidToken();
            }
            return new CallerToken(claims.getJwtId(), claims.getSubject(), claims.getStringClaimValue("siret"),
                    scopes(claims), type, apiKind(claims), exp);
        } catch (InvalidJwtException e) {
            if (e.hasExpired()) {
                throw Errors.expiredToken(urls);
            }
            LOG.debugf("Token refused: %s", e.getMessage());
            throw Errors.invalidToken();
        } catch (MalformedClaimException | ClassCastException e) {
            throw Errors.invalidToken();
        }
    }

    private static String normaliseType(String typ) {
        if (typ == null) {
            return null;
        }
        String t = typ.toLowerCase();
        if (t.startsWith("application/")) {
            t = t.substring("application/".length());
        }
        return switch (t) {
            case "jwt" -> CallerToken.TYPE_API;
            case "at+jwt" -> CallerToken.TYPE_ACCESS;
            default -> null;
        };
    }

    private static Set<String> scopes(JwtClaims claims) throws MalformedClaimException {
        Object raw = claims.getClaimValue("scopes");
        Set<String> scopes = new LinkedHashSet<>();
        if (raw instanceof List<?> list) {
            list.forEach(s -> scopes.add(String.valueOf(s)));
        } else if (raw instanceof String s) {
            for (String part : s.split("[ ,]+")) {
                if (!part.isBlank()) {
                    scopes.add(part);
                }
            }
        } else if (claims.hasClaim("scope")) {
            for (String part : claims.getStringClaimValue("scope").split(" +")) {
                if (!part.isBlank()) {
                    scopes.add(part);
                }
            }
        }
        return Set.copyOf(scopes);
    }

    private static String apiKind(JwtClaims claims) throws MalformedClaimException {
        String kind = claims.getStringClaimValue("api_kind");
        return kind == null ? "entreprise" : kind;
    }

    private static String safeJti(JwtClaims claims) {
        try {
            return claims.getJwtId();
        } catch (MalformedClaimException e) {
            return "?";
        }
    }
}
