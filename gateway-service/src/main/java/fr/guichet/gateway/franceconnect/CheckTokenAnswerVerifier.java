package fr.guichet.gateway.franceconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Opens FranceConnect's check-token answer with jose4j: a JWE (RSA-OAEP or RSA-OAEP-256, A256GCM)
 * encrypted to {@link PlatformEncryptionKey}, holding a JWS (RS256 or ES256) signed with a key of
 * FranceConnect's JWKS (read over HTTP, cached {@code jwks-cache-ttl}, read again at once for an
 * unknown {@code kid}); checks {@code iss} (the configured issuer), {@code aud} (the platform's
 * client id) and, when present, {@code exp}/{@code nbf}. Nothing of the answer is logged but error codes.
 */
@ApplicationScoped
public class CheckTokenAnswerVerifier {

    private static final Logger LOG = Logger.getLogger(CheckTokenAnswerVerifier.class);

    /** FranceConnect's signature keys could not be read. */
    static final class KeysUnreachableException extends Exception {
        KeysUnreachableException(String message) {
            super(message, null, false, false);
        }
    }

    /** The answer cannot be opened or trusted: not a JWE to our key, bad signature, wrong iss/aud, no introspection. */
    static final class UntrustedAnswerException extends Exception {
        UntrustedAnswerException(String message) {
            super(message, null, false, false);
        }
    }

    private final ObjectMapper mapper;
    private final Optional<JwtConsumer> consumer;

    public CheckTokenAnswerVerifier(FranceConnectConfig config, PlatformEncryptionKey key, ObjectMapper mapper) {
        this.mapper = mapper;
        if (config.mode() != FranceConnectConfig.Mode.PRODUCTION || config.jwksUrl().isEmpty()
                || config.issuer().isEmpty() || config.clientId().isEmpty()) {
            // Sandbox, or production without its settings (FranceConnectAdmission refuses to start in a production run).
            this.consumer = Optional.empty();
            return;
        }
        HttpsJwks jwks = new HttpsJwks(config.jwksUrl().orElseThrow());
        jwks.setDefaultCacheDuration(config.jwksCacheTtl().toSeconds());
        Get get = new Get();
        get.setConnectTimeout((int) config.timeout().toMillis());
        get.setReadTimeout((int) config.timeout().toMillis());
        jwks.setSimpleHttpGet(get);
        this.consumer = Optional.of(new JwtConsumerBuilder()
                .setEnableRequireEncryption()
                .setDecryptionKey(key.privateKey())
                .setJweAlgorithmConstraints(ConstraintType.PERMIT,
                        KeyManagementAlgorithmIdentifiers.RSA_OAEP, KeyManagementAlgorithmIdentifiers.RSA_OAEP_256)
                .setJweContentEncryptionAlgorithmConstraints(ConstraintType.PERMIT,
                        ContentEncryptionAlgorithmIdentifiers.AES_256_GCM)
                .setEnableLiberalContentTypeHandling()
                .setEnableRequireIntegrity()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setExpectedIssuer(config.issuer().orElseThrow())
                .setExpectedAudience(config.clientId().orElseThrow())
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .build());
    }

    /**
     * The {@code token_introspection} of a verified answer.
     *
     * @throws KeysUnreachableException FranceConnect's JWKS could not be read (→ 504 51002)
     * @throws UntrustedAnswerException anything else that fails (→ 502 51999)
     */
    Introspection open(String compactJwe) throws KeysUnreachableException, UntrustedAnswerException {
        if (consumer.isEmpty()) {
            throw new UntrustedAnswerException("FranceConnect answers cannot be verified: sandbox mode or missing settings");
        }
        JwtConsumer jwt = consumer.get();
        String claims;
        try {
            claims = jwt.processToClaims(compactJwe == null ? "" : compactJwe.trim()).getRawJson();
        } catch (InvalidJwtException e) {
            if (causedByIo(e)) {
                throw new KeysUnreachableException("FranceConnect JWKS unreachable");
            }
            // Error codes only: jose4j's messages may quote the claims, i.e. the end user's identity.
            String codes = e.getErrorDetails().stream().map(d -> Integer.toString(d.getErrorCode())).toList().toString();
            LOG.errorf("FranceConnect check-token answer refused (jose4j error codes %s)", codes);
            throw new UntrustedAnswerException("answer refused " + codes);
        }
        try {
            JsonNode introspection = mapper.readTree(claims).get("token_introspection");
            if (introspection == null || !introspection.isObject()) {
                LOG.error("FranceConnect check-token answer without token_introspection");
                throw new UntrustedAnswerException("no token_introspection");
            }
            return Introspection.of(introspection);
        } catch (IOException e) {
            throw new UntrustedAnswerException("claims unreadable");
        }
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
