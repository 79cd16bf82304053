package fr.guichet.token;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/** Test data made through the real admin API; every SIRET is fresh so runs never collide. */
public final class Fixtures {

    public static final String ADMIN_SECRET = "test-admin-secret";
    public static final String SCOPE = "unites_legales_etablissements_insee";

    private Fixtures() {
    }

    /** A random, Luhn-valid SIRET. */
    public static String siret() {
        int[] digits = new int[14];
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 13; i++) {
            digits[i] = r.nextInt(10);
        }
        digits[0] = 1 + r.nextInt(8);
        for (int last = 0; last < 10; last++) {
            digits[13] = last;
            if (luhn(digits)) {
                break;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int d : digits) {
            sb.append(d);
        }
        return sb.toString();
    }

    private static boolean luhn(int[] digits) {
        int sum = 0;
        for (int i = 0; i < digits.length; i++) {
            int d = digits[digits.length - 1 - i];
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The service secret of {@code %test} ({@code guichet.service-auth.secret}). */
    public static final String SERVICE_SECRET = "test-service-auth-secret-guichet-32-bytes";

    /** A request as the gateway sends it to {@code /internal/...}: with its service credential. */
    public static io.restassured.specification.RequestSpecification internal() {
        return given().header(fr.guichet.common.security.ServiceCredentials.HEADER,
                new fr.guichet.common.security.ServiceCredentials(SERVICE_SECRET).credentialFor("gateway", "token-service"));
    }

    /**
     * A request whose TCP connection leaves from {@code sourceAddress} (a loopback address such as
     * {@code 127.0.0.2}), so that tests can play a client at another address.
     */
    public static io.restassured.specification.RequestSpecification from(String sourceAddress) {
        try {
            java.net.InetAddress local = java.net.InetAddress.getByName(sourceAddress);
            return given().baseUri("http://127.0.0.1").config(io.restassured.RestAssured.config().httpClient(
                    io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.route.local-address", local)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String adminToken() {
        return given().auth().preemptive().basic("admin", ADMIN_SECRET)
                .when().post("/auth/admin-tokens")
                .then().statusCode(200).extract().path("access_token");
    }

    public static String createOrganisation(String admin, String siret) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("siret", siret, "name", "Organisation " + siret))
                .when().post("/admin/organisations").then().statusCode(201);
        return siret;
    }

    public static Map<String, Object> habilitationBody(String siret, String email) {
        return Map.of(
                "organisation_siret", siret,
                "api_kind", "entreprise",
                "intitule", "Aides aux entreprises",
                "legal_basis", "Article L. 114-8 du code des relations entre le public et l'administration",
                "scopes", List.of(SCOPE),
                "rate_limit_per_minute", 250,
                "allowed_ips", List.of("0.0.0.0/0"),
                "environment", "sandbox",
                "contacts", Map.of(
                        "demandeur", Map.of("email", email, "phone", "0102030405"),
                        "technique", Map.of("email", "tech-" + email),
                        "metier", Map.of("email", "metier-" + email)));
    }

    public static String createHabilitation(String admin, String siret, String email) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(habilitationBody(siret, email))
                .when().post("/admin/habilitations").then().statusCode(201).extract().path("id");
    }

    /** Validates and returns the answer: habilitation_id, jti, token, exp, scopes. */
    public static Map<String, Object> validate(String admin, String habilitationId) {
        return postReason(admin, "/admin/habilitations/" + habilitationId + "/validate", "Dossier complet")
                .statusCode(201).extract().jsonPath().getMap("");
    }

    /** An admin state change: POST {@code {"reason": ...}} (validate, refuse, revoke, prolong, rotate...). */
    public static ValidatableResponse postReason(String admin, String path, String reason) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post(path).then();
    }

    /** A validated habilitation of a new organisation, with its token. */
    public static Map<String, Object> issuedToken(String admin) {
        String siret = createOrganisation(admin, siret());
        String habilitation = createHabilitation(admin, siret, "demandeur-" + siret + "@example.fr");
        return validate(admin, habilitation);
    }

    /** Verifies like the gateway: JWKS fetched over HTTP, ES256 only, iss/aud/exp. */
    public static JwtClaims verifyWithJwks(String jwt, String typ) throws InvalidJwtException {
        String jwks = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        try {
            return new JwtConsumerBuilder()
                    .setExpectedIssuer("urn:guichet:token-service")
                    .setExpectedAudience("urn:guichet:gateway")
                    .setExpectedType(true, typ)
                    .setRequireExpirationTime()
                    .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "ES256")
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                    .build().processToClaims(jwt);
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
