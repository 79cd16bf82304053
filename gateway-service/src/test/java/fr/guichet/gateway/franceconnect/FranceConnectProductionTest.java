package fr.guichet.gateway.franceconnect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.guichet.common.error.ApiException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against an in-process FranceConnect that answers check-token with real JWE/JWS
 * (keys generated here): RSA-OAEP(-256) + A256GCM to the platform key, ES256/RS256 signatures
 * from FranceConnect's JWKS.
 *
 * <p>A forged signature (an answer signed by a key that is not FranceConnect's) is 502
 * {@code 51999}, not 401 {@code 50002}: the platform could not learn anything about the end user's
 * token from such an answer, so it is an unexpected FranceConnect answer to investigate, never a
 * verdict on the token.
 */
@QuarkusTest
@TestProfile(FranceConnectProductionTest.Production.class)
class FranceConnectProductionTest {

    static final String PLATFORM_CLIENT = "423dcbdc5a15ece61ed00ff5989d72379c26d9ed4c8e4e05a87cffae019586e0";
    static final String ISSUER = "https://fcp-low.integ01.dev-franceconnect.fr/api/v2";
    static final String PARTNER_CLIENT = "partner-client-0001";
    // Shared through system properties: the profile and the test instance see the same keys.
    static final RsaJsonWebKey PLATFORM_KEY = (RsaJsonWebKey) shared("platform", () -> rsa("platform"));
    static final EllipticCurveJsonWebKey FC_EC_KEY = (EllipticCurveJsonWebKey) shared("fc-ec", () -> ec("fc-ec"));
    static final RsaJsonWebKey FC_RSA_KEY = (RsaJsonWebKey) shared("fc-rsa", () -> rsa("fc-rsa"));
    /** Same kid as FranceConnect's EC key, but not FranceConnect's. */
    static final EllipticCurveJsonWebKey FORGER = (EllipticCurveJsonWebKey) shared("forger", () -> ec("fc-ec"));

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>();
            config.put("guichet.gateway.token-service.url", StandIns.url());
            config.put("guichet.gateway.franceconnect.mode", "production");
            config.put("guichet.gateway.franceconnect.check-token-url", StandIns.url() + "/api/v2/checktoken");
            config.put("guichet.gateway.franceconnect.jwks-url", StandIns.url() + "/api/v2/jwks");
            config.put("guichet.gateway.franceconnect.client-id", PLATFORM_CLIENT);
            config.put("guichet.gateway.franceconnect.client-secret", "platform-secret");
            config.put("guichet.gateway.franceconnect.issuer", ISSUER);
            config.put("guichet.gateway.franceconnect.private-key", PLATFORM_KEY.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            config.put("guichet.gateway.franceconnect.timeout", "3s");
            // The timeout case must not open the circuit for the other cases.
            config.put("guichet.gateway.franceconnect.circuit-request-volume", "1000");
            return config;
        }
    }

    @Inject
    FranceConnectAdmission admission;

    final List<String> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void franceConnect() throws Exception {
        StandIns.jwks(new JsonWebKeySet(FC_EC_KEY, FC_RSA_KEY).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        StandIns.binding(PARTNER_CLIENT, StandIns.binding("8d0f3c38-8b1e-4c55-9c4f-2b7a7e1c0011",
                List.of("cnaf_quotient_familial", "cnaf_enfants"), "8d0f3c38-8b1e-4c55-9c4f-2b7a7e1c0012",
                System.currentTimeMillis() / 1000 + 3600));
        StandIns.checkToken(form -> {
            try {
                return answer(form.get("token"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Logger.getLogger("").addHandler(capture);
    }

    /** FranceConnect's answer to each test token. */
    static StandIns.Reply answer(String token) throws Exception {
        return switch (token) {
            case "active-token" -> jwe(KeyManagementAlgorithmIdentifiers.RSA_OAEP, signed(FC_EC_KEY,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, claims(true, 60, PLATFORM_CLIENT, ISSUER)));
            case "oaep256-rs256-token" -> jwe(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256, signed(FC_RSA_KEY,
                    AlgorithmIdentifiers.RSA_USING_SHA256, claims(true, 60, PLATFORM_CLIENT, ISSUER)));
            case "inactive-token" -> jwe(KeyManagementAlgorithmIdentifiers.RSA_OAEP, signed(FC_EC_KEY,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, claims(false, 60, PLATFORM_CLIENT, ISSUER)));
            case "expired-token" -> jwe(KeyManagementAlgorithmIdentifiers.RSA_OAEP, signed(FC_EC_KEY,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, claims(true, -120, PLATFORM_CLIENT, ISSUER)));
            case "forged-token" -> jwe(KeyManagementAlgorithmIdentifiers.RSA_OAEP, signed(FORGER,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, claims(true, 60, PLATFORM_CLIENT, ISSUER)));
            case "other-audience-token" -> jwe(KeyManagementAlgorithmIdentifiers.RSA_OAEP, signed(FC_EC_KEY,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, claims(true, 60, "another-platform", ISSUER)));
            case "other-issuer-token" -> jwe(KeyManagementAlgorithmIdentifiers.RSA_OAEP, signed(FC_EC_KEY,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, claims(true, 60, PLATFORM_CLIENT, "https://evil.example")));
            case "unsigned-token" -> jwe(KeyManagementAlgorithmIdentifiers.RSA_OAEP, claims(true, 60, PLATFORM_CLIENT, ISSUER).toJson());
            case "garbage-token" -> new StandIns.Reply(200, "application/jwt", "ceci n'est pas un JWE");
            case "invalid-request-token" -> new StandIns.Reply(400, "application/json", "{\"error\":\"invalid_request\"}");
            case "invalid-client-token" -> new StandIns.Reply(401, "application/json", "{\"error\":\"invalid_client\"}");
            case "server-error-token" -> new StandIns.Reply(500, "text/html", "<h1>Erreur</h1>");
            case "slow-token" -> {
                Thread.sleep(6000);
                yield new StandIns.Reply(200, "application/jwt", "trop tard");
            }
            default -> new StandIns.Reply(400, "application/json", "{\"error\":\"invalid_client\"}");
        };
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void activeTokenIsAdmittedWithItsIdentityAndScopes() {
        FranceConnectCaller caller = admission.admit("active-token");
        assertEquals(Map.of("token", "active-token", "client_id", PLATFORM_CLIENT, "client_secret", "platform-secret"),
                StandIns.lastForm(), "check-token form of the reference");
        assertEquals(List.of("Jean", "Pierre"), caller.identity().get("prenoms[]"));
        assertEquals(List.of("MARTIN"), caller.identity().get("nomNaissance"));
        assertEquals(List.of("2001"), caller.identity().get("anneeDateNaissance"));
        assertEquals(List.of("1"), caller.identity().get("moisDateNaissance"));
        assertEquals(List.of("2"), caller.identity().get("jourDateNaissance"));
        assertEquals(List.of("F"), caller.identity().get("sexeEtatCivil"));
        assertEquals("8d0f3c38-8b1e-4c55-9c4f-2b7a7e1c0012", caller.token().jti());
        assertEquals("8d0f3c38-8b1e-4c55-9c4f-2b7a7e1c0011", caller.token().habilitationId());
        // The habilitation's ceiling ∩ the token's scope claim.
        assertEquals(Set.of("cnaf_quotient_familial"), caller.token().scopes());
        assertEquals("fc:" + FranceConnectAdmission.sha256("active-token"), caller.quotaSubject());

        assertEquals(Set.of("cnaf_quotient_familial"), admission.admit("oaep256-rs256-token").token().scopes());
    }

    @Test
    void inactiveOrExpiredTokensAre50002() {
        for (String token : List.of("inactive-token", "expired-token", "invalid-client-token")) {
            ApiException e = assertThrows(ApiException.class, () -> admission.admit(token), token);
            assertEquals(401, e.status(), token);
            assertEquals("50002", e.errors().get(0).code(), token);
        }
        ApiException malformed = assertThrows(ApiException.class, () -> admission.admit("invalid-request-token"));
        assertEquals("50001", malformed.errors().get(0).code());
        assertEquals(401, malformed.status());
    }

    @Test
    void answersThatCannotBeTrustedAre51999() {
        for (String token : List.of("forged-token", "other-audience-token", "other-issuer-token", "unsigned-token",
                "garbage-token", "server-error-token")) {
            ApiException e = assertThrows(ApiException.class, () -> admission.admit(token), token);
            assertEquals(502, e.status(), token);
            assertEquals("51999", e.errors().get(0).code(), token);
        }
    }

    @Test
    void slowFranceConnectIs51002() {
        ApiException e = assertThrows(ApiException.class, () -> admission.admit("slow-token"));
        assertEquals(504, e.status());
        assertEquals("51002", e.errors().get(0).code());
    }

    @Test
    void neitherTheTokenNorTheIdentityIsEverLogged() {
        for (String token : List.of("active-token", "forged-token", "garbage-token", "server-error-token", "inactive-token")) {
            try {
                admission.admit(token);
            } catch (ApiException expected) {
                // the outcome is asserted elsewhere; only the logs matter here
            }
        }
        synchronized (logged) {
            // The capture is live: the refused answers were logged (their error codes only).
            org.junit.jupiter.api.Assertions.assertTrue(logged.stream().anyMatch(l -> l.contains("answer refused")), logged.toString());
            for (String line : logged) {
                for (String token : List.of("active-token", "forged-token", "garbage-token", "server-error-token", "inactive-token")) {
                    assertFalse(line.contains(token), line);
                }
                assertFalse(line.contains("MARTIN"), line);
                assertFalse(line.contains("2001-01-02"), line);
            }
        }
    }

    @Test
    void publishedKeyIsTheConfiguredOne() {
        given().when().get("/.well-known/franceconnect/jwks.json").then().statusCode(200)
                .body("keys[0].n", equalTo(PLATFORM_KEY.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).get("n")))
                .body("keys[0].use", equalTo("enc"));
    }

    // ---------------------------------------------------------------- FranceConnect's side

    static JwtClaims claims(boolean active, long expiresIn, String audience, String issuer) {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now));
        Map<String, Object> introspection = new java.util.LinkedHashMap<>();
        introspection.put("active", active);
        introspection.put("aud", PARTNER_CLIENT);
        introspection.put("sub", "2fa48e3542c8645567f983efc96305808ae7d3f0d9cc4016ef40c3cde44844cfv1");
        introspection.put("iat", now - 5);
        introspection.put("exp", now + expiresIn);
        introspection.put("scope", "openid identite_pivot cnaf_quotient_familial");
        introspection.put("gender", "female");
        introspection.put("family_name", "MARTIN");
        introspection.put("given_name", "Jean Pierre");
        introspection.put("given_name_array", List.of("Jean", "Pierre"));
        introspection.put("birthdate", "2001-01-02");
        introspection.put("birthplace", "75002");
        introspection.put("birthcountry", "99100");
        claims.setClaim("token_introspection", introspection);
        return claims;
    }

    static String signed(PublicJsonWebKey key, String algorithm, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(algorithm);
        return jws.getCompactSerialization();
    }

    static StandIns.Reply jwe(String algorithm, String payload) throws Exception {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(algorithm);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKey(PLATFORM_KEY.getPublicKey());
        jwe.setKeyIdHeaderValue(PLATFORM_KEY.getKeyId());
        jwe.setPayload(payload);
        return new StandIns.Reply(200, "application/jwt", jwe.getCompactSerialization());
    }

    static PublicJsonWebKey shared(String name, java.util.function.Supplier<PublicJsonWebKey> generate) {
        String property = "guichet.test.franceconnect.key." + name;
        String json = System.getProperty(property);
        try {
            if (json != null) {
                return PublicJsonWebKey.Factory.newPublicJwk(json);
            }
            PublicJsonWebKey key = generate.get();
            System.setProperty(property, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            return key;
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static RsaJsonWebKey rsa(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static EllipticCurveJsonWebKey ec(String kid) {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(kid);
            return key;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
