package fr.guichet.trace.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import fr.guichet.trace.ingestion.service.IngestionService;
import fr.guichet.trace.support.SessionTokens;
import fr.guichet.trace.support.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read routes refuse what they would otherwise ignore: an undeclared query parameter (a
 * misspelt filter would widen a search or an audit export) and an organisation that is not a SIRET.
 */
@QuarkusTest
class QueryParameterChecksTest {

    @Inject
    IngestionService ingestion;

    String org = TraceQueriesTest.luhnSiret();
    String jti;

    @BeforeEach
    void oneTrace() {
        jti = UUID.randomUUID().toString();
        ingestion.store(List.of(TestEvents.apiCall(jti, org, "418166096", 200, Instant.now().minusSeconds(60)),
                TestEvents.apiCall(jti, org, "418166096", 404, Instant.now().minusSeconds(50))), "gateway");
    }

    private static String admin() {
        return SessionTokens.bearer(SessionTokens.admin());
    }

    @Test
    void aMisspeltFilterOnTheSearchIsA400NamingIt() {
        given().header("Authorization", admin()).queryParam("organisation", org).queryParam("statuss", 200)
                .get("/admin/traces")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("00262"))
                .body("errors[0].source.parameter", equalTo("statuss"))
                .body("errors[0].detail", containsString("status"));
        given().header("Authorization", admin()).queryParam("organisation", org).queryParam("foo", "bar")
                .get("/admin/traces")
                .then().statusCode(400).body("errors[0].source.parameter", equalTo("foo"));
    }

    @Test
    void anUnknownParameterOnTheExportIsA400NamingItAndNothingIsExported() {
        given().header("Authorization", admin()).queryParam("organisation", org).queryParam("foo", "1")
                .get("/admin/traces/export")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("00262"))
                .body("errors[0].source.parameter", equalTo("foo"));
    }

    @Test
    void anUnknownParameterOnVerifyAndOnATokensReadsIsA400NamingIt() {
        given().header("Authorization", admin()).queryParam("foo", "1").get("/admin/traces/verify")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("00262"))
                .body("errors[0].source.parameter", equalTo("foo"));
        given().header("Authorization", admin()).queryParam("organisation", org).get("/tokens/{jti}/stats", jti)
                .then().statusCode(400).body("errors[0].source.parameter", equalTo("organisation"));
        given().header("Authorization", admin()).queryParam("limits", 5).get("/tokens/{jti}/requests", jti)
                .then().statusCode(400).body("errors[0].source.parameter", equalTo("limits"));
    }

    @Test
    void anOrganisationThatIsNotASiretIsA422NamingIt() {
        for (String path : List.of("/admin/traces", "/admin/traces/export")) {
            given().header("Authorization", admin()).queryParam("organisation", "123").get(path)
                    .then().statusCode(422)
                    .body("errors[0].code", equalTo("00262"))
                    .body("errors[0].source.parameter", equalTo("organisation"));
        }
    }

    @Test
    void declaredFiltersStillWork() {
        given().header("Authorization", admin()).queryParam("organisation", org).queryParam("status", 404)
                .get("/admin/traces")
                .then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].status", equalTo(404));
        given().header("Authorization", admin()).queryParam("organisation", org).queryParam("format", "csv")
                .get("/admin/traces/export")
                .then().statusCode(200).body(containsString(jti));
        given().header("Authorization", admin()).queryParam("from", "2026-01-01").get("/admin/traces/verify")
                .then().statusCode(200).body("ok", not(equalTo(null)));
        given().header("Authorization", admin()).queryParam("limit", 1).queryParam("status", 200)
                .get("/tokens/{jti}/requests", jti)
                .then().statusCode(200).body("data", hasSize(1));
    }
}
