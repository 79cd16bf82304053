package fr.guichet.gateway.franceconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.base64url.Base64Url;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;

/** The platform's FranceConnect encryption key: PEM or JWK, generated only outside production runs. */
class PlatformEncryptionKeyTest {

    static FranceConnectConfig config(FranceConnectConfig.Mode mode, String privateKey) {
        return new FranceConnectConfig() {
            public Mode mode() { return mode; }
            public Optional<String> checkTokenUrl() { return Optional.empty(); }
            public Optional<String> clientId() { return Optional.empty(); }
            public Optional<String> clientSecret() { return Optional.empty(); }
            public Optional<String> issuer() { return Optional.empty(); }
            public Optional<String> jwksUrl() { return Optional.empty(); }
            public Optional<String> privateKey() { return Optional.ofNullable(privateKey); }
            public Duration timeout() { return Duration.ofSeconds(3); }
            public Duration jwksCacheTtl() { return Duration.ofMinutes(10); }
            public Duration bindingCacheTtl() { return Duration.ofSeconds(30); }
            public Duration clockSkew() { return Duration.ofSeconds(30); }
            public int circuitRequestVolume() { return 10; }
            public double circuitFailureRatio() { return 0.5; }
            public Duration circuitDelay() { return Duration.ofSeconds(10); }
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> published(PlatformEncryptionKey key) {
        return ((List<Map<String, Object>>) key.publicJwks().get("keys")).get(0);
    }

    @Test
    void productionRunInProductionModeRefusesToStartWithoutAKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PlatformEncryptionKey(config(FranceConnectConfig.Mode.PRODUCTION, null), LaunchMode.NORMAL));
        assertTrue(e.getMessage().contains("guichet.gateway.franceconnect.private-key"), e.getMessage());
        // Sandbox mode, or a test run: a key is generated.
        assertEquals("RSA", published(new PlatformEncryptionKey(config(FranceConnectConfig.Mode.SANDBOX, null), LaunchMode.NORMAL)).get("kty"));
        assertEquals("enc", published(new PlatformEncryptionKey(config(FranceConnectConfig.Mode.PRODUCTION, null), LaunchMode.TEST)).get("use"));
    }

    @Test
    void pkcs8PemIsReadAndOnlyItsPublicHalfPublished() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, Object> jwk = published(new PlatformEncryptionKey(config(FranceConnectConfig.Mode.PRODUCTION, pem), LaunchMode.NORMAL));
        assertEquals(Base64Url.encode(strip(((RSAPublicKey) pair.getPublic()).getModulus().toByteArray())), jwk.get("n"));
        assertEquals("RSA-OAEP", jwk.get("alg"));
        assertTrue(jwk.get("kid") instanceof String kid && !kid.isEmpty(), "kid = thumbprint");
        assertFalse(jwk.containsKey("d"));
    }

    @Test
    void privateJwkKeepsItsKid() throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("guichet-fc-2026");
        Map<String, Object> jwk = published(new PlatformEncryptionKey(config(FranceConnectConfig.Mode.PRODUCTION,
                key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)), LaunchMode.NORMAL));
        assertEquals("guichet-fc-2026", jwk.get("kid"));
        // A public JWK cannot decrypt anything.
        assertThrows(IllegalStateException.class, () -> new PlatformEncryptionKey(config(FranceConnectConfig.Mode.PRODUCTION,
                key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)), LaunchMode.NORMAL));
    }

    @Test
    void unreadableKeysAreRefusedWithoutQuotingThem() {
        for (String bad : List.of("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----", "pas une clé", "{\"kty\":\"oct\",\"k\":\"AAAA\"}")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new PlatformEncryptionKey(config(FranceConnectConfig.Mode.PRODUCTION, bad), LaunchMode.NORMAL));
            assertFalse(e.getMessage().contains("MIIB") || e.getMessage().contains("AAAA") || e.getMessage().contains("pas une"),
                    e.getMessage());
        }
    }

    private static byte[] strip(byte[] unsigned) {
        return unsigned[0] == 0 ? java.util.Arrays.copyOfRange(unsigned, 1, unsigned.length) : unsigned;
    }
}
