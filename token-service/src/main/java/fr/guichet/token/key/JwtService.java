package fr.guichet.token.key;

import fr.guichet.token.config.TokenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/** Signs our JWTs with the ring's newest key and verifies them against the live keys (ES256 only). */
@ApplicationScoped
public class JwtService {

    /** Header {@code typ} of long-lived API tokens. */
    public static final String TYP_API = "JWT";
    /** Header {@code typ} of OAuth2 access tokens (RFC 9068). */
    public static final String TYP_ACCESS = "at+jwt";
    /** Header {@code typ} of admin/partner session tokens; never accepted by the gateway. */
    public static final String TYP_SESSION = "session+jwt";
    public static final String AUDIENCE_GATEWAY = "urn:guichet:gateway";
    public static final String AUDIENCE_CONSOLE = "urn:guichet:console";

    public record Signed(String kid, String value) {
    }

    @Inject
    KeyRing ring;

    @Inject
    TokenConfig config;

    public Signed sign(String typ, JwtClaims claims) {
        KeyRing.Snapshot key = ring.signing()
                .orElseThrow(() -> new IllegalStateException("No live signing key loaded"));
        claims.setIssuer(config.issuer());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.signingKey());
        jws.setKeyIdHeaderValue(key.signingKid());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", typ);
        try {
            return new Signed(key.signingKid(), jws.getCompactSerialization());
        } catch (JoseException e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }

    /** Verifies signature (live keys only), {@code typ}, {@code iss}, {@code aud} and {@code exp}. */
    public JwtClaims verify(String jwt, String typ, String audience) throws InvalidJwtException {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(audience)
                .setExpectedType(true, typ)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(ring.snapshot().publicKeys()))
                .build();
        return consumer.processToClaims(jwt);
    }
}
