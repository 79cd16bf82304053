package fr.guichet.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.config.GatewayConfig;
import fr.guichet.gateway.config.PlatformUrls;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 8725 rules of the verifier, with a key set held in memory (the JWKS fetch is exercised end to end in integration tests). */
class TokenVerifierTest {

    static EllipticCurveJsonWebKey key;
    static TokenVerifier verifier;

    record Config(String url, String issuer, String audience, Duration jwksCacheDuration, Duration jwksRefreshMinInterval,
                  Duration timeout, Duration accessTokenMaxLifetime, Duration apiTokenMaxLifetime, int clockSkewSeconds)
            implements GatewayConfig.TokenService {
        @Override
        public Duration jwksRefreshEvery() {
            return Duration.ofSeconds(60);
        }
    }

    @BeforeAll
    static void keys() throws Exception {
        key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId("k1");
        verifier = new TokenVerifier(new Config("http://unused", "urn:guichet:token-service", "urn:guichet:gateway",
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofHours(24),
                Duration.ofDays(549), 30), new JwksVerificationKeyResolver(new JsonWebKeySet(key).getJsonWebKeys()),
                new PlatformUrls("https://api.guichet.test", Optional.empty(), "https://partenaires.guichet.test",
                        "https://partenaires.guichet.test/habilitations", "https://partenaires.guichet.test/aide",
                        Optional.empty(), "Support Guichet"));
    }

    static JwtClaims claims(long lifetimeSeconds) {
        JwtClaims c = new JwtClaims();
        c.setIssuer("urn:guichet:token-service");
        c.setAudience("urn:guichet:gateway");
        c.setSubject("hab-1");
        String jti = UUID.randomUUID().toString();
        c.setJwtId(jti);
        c.setClaim("uid", jti);
        c.setClaim("siret", "13002526500013");
        c.setStringListClaim("scopes", List.of("unites_legales_etablissements_insee"));
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(lifetimeSeconds / 60f);
        c.setClaim("version", "1.0");
        return c;
    }

    static String sign(JwtClaims claims, String typ) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue("k1");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        return jws.getCompactSerialization();
    }

    static String code(String token) {
        ApiException e = assertThrows(ApiException.class, () -> verifier.verify(token));
        assertEquals(401, e.status());
        return e.errors().get(0).code();
    }

    @Test
    void acceptsApiAndAccessTokens() throws Exception {
        CallerToken t = verifier.verify(sign(claims(3600), "JWT"));
        assertEquals("hab-1", t.habilitationId());
        assertEquals("13002526500013", t.siret());
        assertEquals(CallerToken.TYPE_API, t.type());
        assertEquals(CallerToken.TYPE_ACCESS, verifier.verify(sign(claims(3600), "at+jwt")).type());
    }

    @Test
    void refusesSessionTokensAndUntypedTokens() throws Exception {
        assertEquals("00101", code(sign(claims(3600), "session+jwt")));
        assertEquals("00101", code(sign(claims(3600), null)));
    }

    @Test
    void expiredIs00103() throws Exception {
        JwtClaims c = claims(3600);
        c.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 7200));
        c.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 3600));
        assertEquals("00103", code(sign(c, "JWT")));
        // The detail sends the partner to this platform's renewal page, not to API Entreprise's FAQ.
        String detail = assertThrows(ApiException.class, () -> verifier.verify(sign(c, "JWT"))).errors().get(0).detail();
        assertTrue(detail.contains("https://partenaires.guichet.test/habilitations"), detail);
        assertFalse(detail.contains("entreprise.api.gouv.fr"), detail);
    }

    @Test
    void wrongIssuerAudienceOrNotBeforeIs00101() throws Exception {
        JwtClaims iss = claims(3600);
        iss.setIssuer("urn:someone-else");
        assertEquals("00101", code(sign(iss, "JWT")));
        JwtClaims aud = claims(3600);
        aud.setAudience("urn:guichet:console");
        assertEquals("00101", code(sign(aud, "JWT")));
        JwtClaims nbf = claims(3600);
        nbf.setNotBeforeMinutesInThePast(-10);
        assertEquals("00101", code(sign(nbf, "JWT")));
    }

    @Test
    void accessTokensMustBeShortLived() throws Exception {
        assertEquals("00101", code(sign(claims(48 * 3600), "at+jwt")));
    }

    @Test
    void algorithmIsPinned() throws Exception {
        RsaJsonWebKey rsa = RsaJwkGenerator.generateJwk(2048);
        JsonWebSignature rs = new JsonWebSignature();
        rs.setPayload(claims(3600).toJson());
        rs.setKey(rsa.getPrivateKey());
        rs.setKeyIdHeaderValue("k1");
        rs.setHeader("typ", "JWT");
        rs.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        assertEquals("00101", code(rs.getCompactSerialization()));

        JsonWebSignature hs = new JsonWebSignature();
        hs.setPayload(claims(3600).toJson());
        hs.setKey(new HmacKey(new byte[32]));
        hs.setKeyIdHeaderValue("k1");
        hs.setHeader("typ", "JWT");
        hs.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs.setDoKeyValidation(false);
        assertEquals("00101", code(hs.getCompactSerialization()));

        JsonWebSignature none = new JsonWebSignature();
        none.setPayload(claims(3600).toJson());
        none.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        none.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        none.setHeader("typ", "JWT");
        assertEquals("00101", code(none.getCompactSerialization()));
    }

    @Test
    void garbageIs00101() {
        assertEquals("00101", code("not-a-jwt"));
        assertEquals("00101", code(null));
        assertEquals("00101", code("a".repeat(10_000)));
    }

    @Test
    void ipAllowList() {
        assertEquals(true, IpAllowList.allows(List.of(), "203.0.113.9"));
        assertEquals(true, IpAllowList.allows(List.of("203.0.113.0/24"), "203.0.113.9"));
        assertEquals(false, IpAllowList.allows(List.of("203.0.113.0/24"), "198.51.100.1"));
        assertEquals(true, IpAllowList.allows(List.of("0.0.0.0/0"), "::ffff:198.51.100.1"));
        assertEquals(true, IpAllowList.allows(List.of("2001:db8::/32"), "2001:db8:1::5"));
        assertEquals(false, IpAllowList.allows(List.of("not-a-cidr"), "127.0.0.1"));
        assertEquals(false, IpAllowList.allows(List.of("127.0.0.1"), "evil.example"));
    }
}
