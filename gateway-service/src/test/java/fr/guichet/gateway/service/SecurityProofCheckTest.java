package fr.guichet.gateway.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A habilitation suspended for want of a security proof, as token-service writes it in the token's
 * copy ({@code suspended = security_proof}): its calls to the ENSU routes (which require a proof)
 * get 403 {@code 00108}; its calls to other routes go on. Real Redis; the providers are unreachable
 * in this module's tests, so a call let through ends at the provider (not a 403).
 */
@QuarkusTest
@WithTestResource(LocalJwks.class)
@TestProfile(SecurityProofCheckTest.WithClientCertificates.class)
class SecurityProofCheckTest {

    /** ENSU routes also require the partner's certificate: the test CA, forwarded by this loopback "ingress". */
    public static class WithClientCertificates implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.gateway.client-certificate.ca-file", "src/test/resources/certs/ca.pem",
                    "guichet.gateway.client-certificate.trusted-proxies", "127.0.0.1/32");
        }
    }

    private static String certificate() throws Exception {
        try (InputStream in = SecurityProofCheckTest.class.getResourceAsStream("/certs/partner.pem")) {
            return URLEncoder.encode(new String(in.readAllBytes(), StandardCharsets.US_ASCII), StandardCharsets.UTF_8);
        }
    }

    private static RequestSpecification as(LocalJwks.Issued issued) throws Exception {
        return given().auth().oauth2(issued.token()).header("X-Client-Certificate", certificate());
    }

    static final String ENSU_SCOPE = "ensu_documents_bancaires_dgfip";
    static final String INSEE_SCOPE = "unites_legales_etablissements_insee";
    static final String PARAMS = "?context=Test&object=Preuve&recipient=13002526500013";
    static final String ENSU_PATH = "/v3/dgfip/ensu/bancaires/unites_legales/418166096/documents";
    static final String INSEE_PATH = "/v3/insee/sirene/unites_legales/418166096";

    @Inject
    RedisDataSource redis;

    /** The copy token-service writes for this token (TokenState.hashFields), {@code suspended} as given. */
    private LocalJwks.Issued token(String suspended) throws Exception {
        LocalJwks.Issued issued = LocalJwks.issue(List.of(ENSU_SCOPE, INSEE_SCOPE), null);
        Map<String, String> copy = new LinkedHashMap<>();
        copy.put("status", "active");
        copy.put("exp", Long.toString(Instant.now().plusSeconds(3600).getEpochSecond()));
        copy.put("scopes", ENSU_SCOPE + "," + INSEE_SCOPE);
        copy.put("allowed_ips", "");
        copy.put("rate_limit_per_minute", "250");
        copy.put("habilitation_id", issued.habilitationId());
        copy.put("siret", "13002526500013");
        copy.put("api_kind", "entreprise");
        copy.put("suspended", suspended);
        redis.hash(String.class).hset("guichet:token:" + issued.jti(), copy);
        redis.key().expire("guichet:token:" + issued.jti(), 3600);
        return issued;
    }

    @Test
    void aSuspendedHabilitationIsRefusedOnEnsuRoutesOnly() throws Exception {
        LocalJwks.Issued suspended = token("security_proof");
        as(suspended).when().get(ENSU_PATH + PARAMS).then().statusCode(403)
                .body("errors[0].code", equalTo("00108"))
                .body("errors[0].title", containsString("preuve de sécurité"))
                .body("errors[0].detail", containsString("homologation de sécurité (RGS)"))
                .body("errors[0].detail", containsString("questionnaire de sécurité"))
                .body("errors[0].detail", containsString("support de la plateforme"));
        // Another document of the same family, through the other ENSU route.
        as(suspended).when().get("/v3/dgfip/ensu/bancaires/documents/idensua/ABC123" + PARAMS).then()
                .statusCode(403).body("errors[0].code", equalTo("00108"));
        // A route that requires no proof: the call goes on to its provider.
        as(suspended).when().get(INSEE_PATH + PARAMS).then()
                .statusCode(not(equalTo(403))).body("errors[0].code", not(equalTo("00108")));
    }

    @Test
    void aHabilitationNotSuspendedReachesTheEnsuProvider() throws Exception {
        // Written empty once a suspension is lifted; absent in copies written before the field existed.
        for (String value : new String[] {"", null}) {
            LocalJwks.Issued issued = token(value == null ? "" : value);
            if (value == null) {
                redis.hash(String.class).hdel("guichet:token:" + issued.jti(), "suspended");
            }
            as(issued).when().get(ENSU_PATH + PARAMS).then()
                    .statusCode(not(equalTo(403))).body("errors[0].code", not(equalTo("00108")));
        }
    }
}
