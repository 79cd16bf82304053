package fr.guichet.gateway.franceconnect;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The platform's RSA key that FranceConnect encrypts its check-token answers to: private half for
 * decryption, public half published at {@code GET /.well-known/franceconnect/jwks.json} ({@code use}
 * = {@code enc}, {@code alg} = RSA-OAEP, {@code kid} = its RFC 7638 thumbprint unless the configured
 * JWK names one). Configured as PKCS#8 PEM or a private JWK
 * ({@code guichet.gateway.franceconnect.private-key}); production mode refuses to start without it.
 */
@ApplicationScoped
public class PlatformEncryptionKey {

    private static final Logger LOG = Logger.getLogger(PlatformEncryptionKey.class);
    /** 2048-bit RSA, FranceConnect's minimum for encryption keys. */
    static final int GENERATED_BITS = 2048;

    private final RsaJsonWebKey key;

    @Inject
    public PlatformEncryptionKey(FranceConnectConfig config) {
        this(config, LaunchMode.current());
    }

    /**
     * @throws IllegalStateException in a production run in production mode without a key, or with a
     *         key that is neither a PKCS#8 RSA PEM nor a private RSA JWK
     */
    PlatformEncryptionKey(FranceConnectConfig config, LaunchMode launch) {
        String configured = config.privateKey().filter(k -> !k.isBlank()).orElse(null);
        if (configured == null) {
            if (launch == LaunchMode.NORMAL && config.mode() == FranceConnectConfig.Mode.PRODUCTION) {
                throw new IllegalStateException("guichet.gateway.franceconnect.private-key is required in production "
                        + "mode: FranceConnect encrypts its check-token answers to it. Set the RSA private key "
                        + "(PKCS#8 PEM or private JWK) registered with FranceConnect, from a Secret.");
            }
            this.key = generate();
            LOG.warnf("guichet.gateway.franceconnect.private-key is not set (%s, FranceConnect mode %s): a new RSA key "
                    + "was generated for this run; FranceConnect cannot answer a key it was never given",
                    launch, config.mode());
        } else {
            this.key = parse(configured.trim());
        }
        if (key.getKeyId() == null) {
            key.setKeyId(key.calculateBase64urlEncodedThumbprint("SHA-256"));
        }
        key.setUse(Use.ENCRYPTION);
        key.setAlgorithm(KeyManagementAlgorithmIdentifiers.RSA_OAEP);
    }

    /** The private key that decrypts FranceConnect's answers. */
    PrivateKey privateKey() {
        return key.getPrivateKey();
    }

    /** The public JWK set: one RSA key, {@code use} enc, no private member. */
    public Map<String, Object> publicJwks() {
        return Map.of("keys", java.util.List.of(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
    }

    private static RsaJsonWebKey generate() {
        try {
            return RsaJwkGenerator.generateJwk(GENERATED_BITS);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate the platform's FranceConnect key", e);
        }
    }

    private static RsaJsonWebKey parse(String configured) {
        try {
            if (configured.startsWith("{")) {
                JsonWebKey jwk = JsonWebKey.Factory.newJwk(configured);
                if (jwk instanceof RsaJsonWebKey rsa && rsa.getPrivateKey() != null) {
                    return rsa;
                }
                throw new IllegalStateException("guichet.gateway.franceconnect.private-key: the JWK must be a private RSA key");
            }
            String body = configured.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            if (configured.contains("RSA PRIVATE KEY")) {
                throw new IllegalStateException("guichet.gateway.franceconnect.private-key: PKCS#1 PEM is not read; "
                        + "convert it with `openssl pkcs8 -topk8 -nocrypt`");
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalStateException("guichet.gateway.franceconnect.private-key: not a full RSA private key");
            }
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            RsaJsonWebKey jwk = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            jwk.setPrivateKey(privateKey);
            return jwk;
        } catch (JoseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("guichet.gateway.franceconnect.private-key is neither a PKCS#8 RSA PEM nor "
                    + "a private RSA JWK: " + e.getClass().getSimpleName());
        }
    }
}
