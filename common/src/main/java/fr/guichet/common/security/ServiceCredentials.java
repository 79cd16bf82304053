package fr.guichet.common.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Service-to-service credential of Guichet's internal calls (gateway → providers,
 * gateway → token-service {@code /internal/...}): a compact JWS signed HS256 with a secret
 * shared by the services of one installation, sent in the {@link #HEADER} request header.
 *
 * <p>Claims: {@code iss} = calling service (e.g. {@code gateway}), {@code aud} = called
 * service (e.g. {@code provider-insee}, {@code token-service}), {@code iat}, {@code exp}
 * (epoch seconds, {@link #LIFETIME_SECONDS} after {@code iat}). A caller re-uses one credential
 * per audience until it is {@link #REFRESH_BEFORE_SECONDS} from expiry, so signing is not on
 * every request's path. The verifier accepts {@link #CLOCK_SKEW_SECONDS} of skew.
 *
 * <p>The secret must be at least 32 bytes (RFC 7518 §3.2: an HS256 key is at least as long as
 * the hash output); shorter secrets are refused at construction with
 * {@link IllegalArgumentException}.
 */
public final class ServiceCredentials {

    /** Request header carrying the credential. */
    public static final String HEADER = "X-Guichet-Service-Token";
    /** Lifetime of one credential, in seconds. */
    public static final int LIFETIME_SECONDS = 120;
    /** A cached credential is replaced this many seconds before it expires. */
    public static final int REFRESH_BEFORE_SECONDS = 30;
    /** Clock skew tolerated between services, in seconds. */
    public static final int CLOCK_SKEW_SECONDS = 30;

    private final HmacKey key;
    private final Clock clock;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    private record Issued(String token, long expiresAt) {
    }

    /**
     * @param secret the installation's shared service secret (UTF-8, at least 32 bytes)
     * @param clock  time source (tests pass a fixed clock)
     */
    public ServiceCredentials(String secret, Clock clock) {
        Objects.requireNonNull(secret, "service secret");
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("service secret must be at least 32 bytes");
        }
        this.key = new HmacKey(bytes);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ServiceCredentials(String secret) {
        this(secret, Clock.systemUTC());
    }

    /**
     * The credential {@code caller} presents to {@code audience}, re-used while it has more than
     * {@link #REFRESH_BEFORE_SECONDS} left.
     */
    public String credentialFor(String caller, String audience) {
        long now = clock.millis() / 1000;
        String cacheKey = caller + ' ' + audience;
        Issued current = issued.get(cacheKey);
        if (current != null && current.expiresAt - now > REFRESH_BEFORE_SECONDS) {
            return current.token;
        }
        Issued fresh = new Issued(sign(caller, audience, now), now + LIFETIME_SECONDS);
        issued.put(cacheKey, fresh);
        return fresh.token;
    }

    private String sign(String caller, String audience, long now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(caller);
        claims.setAudience(audience);
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + LIFETIME_SECONDS));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "service+jwt");
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign service credential", e);
        }
    }

    /**
     * Checks a presented credential: HS256 only (no other algorithm is accepted), signature,
     * {@code aud} equal to {@code audience}, {@code exp} not passed, {@code iat} not in the future.
     *
     * @return the calling service's name ({@code iss})
     * @throws InvalidServiceCredentialException when the credential is absent, malformed,
     *         forged, expired or meant for another service
     */
    public String verify(String credential, String audience) {
        if (credential == null || credential.isBlank()) {
            throw new InvalidServiceCredentialException("no service credential");
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256)
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(credential);
            long iat = claims.getIssuedAt().getValue();
            if (iat > clock.millis() / 1000 + CLOCK_SKEW_SECONDS) {
                throw new InvalidServiceCredentialException("service credential issued in the future");
            }
            String caller = claims.getIssuer();
            if (caller == null || caller.isBlank()) {
                throw new InvalidServiceCredentialException("service credential without issuer");
            }
            return caller;
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            throw new InvalidServiceCredentialException("invalid service credential");
        }
    }

    /** Raised by {@link #verify}: the call is refused (HTTP 401 for the internal caller). */
    public static final class InvalidServiceCredentialException extends RuntimeException {
        public InvalidServiceCredentialException(String message) {
            super(message, null, false, false);
        }
    }
}
