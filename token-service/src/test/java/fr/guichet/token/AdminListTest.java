package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin lists an operator searches in an emergency (organisations, habilitations, tokens):
 * filters, pages, totals, and refusals of unknown or bad parameters, against the real PostgreSQL.
 */
@QuarkusTest
class AdminListTest {

    @Test
    void organisationsBySiretAndName() {
        String admin = Fixtures.adminToken();
        String marker = "Mairie-" + System.nanoTime();
        String first = Fixtures.siret();
        String second = Fixtures.siret();
        for (String siret : List.of(first, second)) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("siret", siret, "name", marker + " de " + siret)).when().post("/admin/organisations")
                    .then().statusCode(201);
        }

        list(admin, "/admin/organisations", Map.of("siret", first)).statusCode(200)
                .body("data.siret", contains(first)).body("meta.total", equalTo(1))
                .body("meta.page", equalTo(1)).body("meta.per_page", equalTo(50));
        // case-insensitive part of the name, newest first
        list(admin, "/admin/organisations", Map.of("q", marker.toUpperCase())).statusCode(200)
                .body("data.siret", contains(second, first)).body("meta.total", equalTo(2));
        // a LIKE wildcard in q is a plain character, not "anything"
        list(admin, "/admin/organisations", Map.of("q", marker + "%")).statusCode(200).body("data", hasSize(0));
        list(admin, "/admin/organisations", Map.of("siret", "12345678901234")).statusCode(422)
                .body("errors[0].code", equalTo("00302")).body("errors[0].source.parameter", equalTo("siret"));
    }

    @Test
    void pagesCarryTheTotal() {
        String admin = Fixtures.adminToken();
        String marker = "Pagination-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            String siret = Fixtures.siret();
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siret", siret, "name", marker + " " + i))
                    .when().post("/admin/organisations").then().statusCode(201);
        }
        list(admin, "/admin/organisations", Map.of("q", marker, "per_page", "2")).statusCode(200)
                .body("data", hasSize(2)).body("data.name", contains(marker + " 2", marker + " 1"))
                .body("meta.page", equalTo(1)).body("meta.per_page", equalTo(2)).body("meta.total", equalTo(3));
        list(admin, "/admin/organisations", Map.of("q", marker, "per_page", "2", "page", "2")).statusCode(200)
                .body("data.name", contains(marker + " 0")).body("meta.page", equalTo(2)).body("meta.total", equalTo(3));
        list(admin, "/admin/organisations", Map.of("q", marker, "page", "9")).statusCode(200)
                .body("data", hasSize(0)).body("meta.total", equalTo(3));
        list(admin, "/admin/organisations", Map.of()).statusCode(200).body("meta.total", greaterThanOrEqualTo(3));

        for (Map<String, String> bad : List.of(Map.of("page", "0"), Map.of("page", "deux"), Map.of("per_page", "0"),
                Map.of("per_page", "201"), Map.of("per_page", "-5"))) {
            String name = bad.keySet().iterator().next();
            list(admin, "/admin/tokens", bad).statusCode(422).body("errors[0].source.parameter", equalTo(name));
        }
    }

    @Test
    void habilitationsByOrganisationStatusKindAndEnvironment() {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String submitted = Fixtures.createHabilitation(admin, siret, "a-" + siret + "@example.fr");
        String validated = Fixtures.createHabilitation(admin, siret, "b-" + siret + "@example.fr");
        Fixtures.validate(admin, validated);

        list(admin, "/admin/habilitations", Map.of("siret", siret)).statusCode(200)
                .body("data.id", contains(validated, submitted)).body("meta.total", equalTo(2))
                .body("data.organisation_siret", everyItem(equalTo(siret)));
        list(admin, "/admin/habilitations", Map.of("siret", siret, "status", "validated")).statusCode(200)
                .body("data.id", contains(validated)).body("meta.total", equalTo(1));
        list(admin, "/admin/habilitations", Map.of("siret", siret, "api_kind", "entreprise", "environment", "sandbox"))
                .statusCode(200).body("meta.total", equalTo(2));
        list(admin, "/admin/habilitations", Map.of("siret", siret, "environment", "production")).statusCode(200)
                .body("data", hasSize(0)).body("meta.total", equalTo(0));

        list(admin, "/admin/habilitations", Map.of("status", "active")).statusCode(422)
                .body("errors[0].source.parameter", equalTo("status"))
                .body("errors[0].detail", containsString("validated"));
        list(admin, "/admin/habilitations", Map.of("api_kind", "particulier ")).statusCode(422)
                .body("errors[0].source.parameter", equalTo("api_kind"));
        list(admin, "/admin/habilitations", Map.of("environment", "prod")).statusCode(422)
                .body("errors[0].source.parameter", equalTo("environment"));
    }

    @Test
    void tokensOfAPartnerBySiretHabilitationAndStatus() {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String habilitation = Fixtures.createHabilitation(admin, siret, "t-" + siret + "@example.fr");
        String jti = (String) Fixtures.validate(admin, habilitation).get("jti");
        String other = Fixtures.createHabilitation(admin, siret, "u-" + siret + "@example.fr");
        String revokedJti = (String) Fixtures.validate(admin, other).get("jti");
        Fixtures.postReason(admin, "/admin/tokens/" + revokedJti + "/revoke", "Jeton divulgué").statusCode(200);

        // What the operator could not do before: list a partner's tokens by its SIRET.
        // Both tokens are usually issued within the same second (issued_at is the JWT's iat, whole
        // seconds), so their relative order is the jti tie-break, not their issue order.
        list(admin, "/admin/tokens", Map.of("siret", siret)).statusCode(200)
                .body("data.jti", containsInAnyOrder(revokedJti, jti)).body("meta.total", equalTo(2))
                .body("data[0]", not(org.hamcrest.Matchers.hasKey("token")));
        list(admin, "/admin/tokens", Map.of("siret", siret, "status", "active")).statusCode(200)
                .body("data.jti", contains(jti));
        list(admin, "/admin/tokens", Map.of("siret", siret, "status", "revoked")).statusCode(200)
                .body("data.jti", contains(revokedJti)).body("data[0].status", equalTo("revoked"));
        list(admin, "/admin/tokens", Map.of("siret", siret, "status", "expired")).statusCode(200).body("meta.total", equalTo(0));
        list(admin, "/admin/tokens", Map.of("habilitation_id", habilitation)).statusCode(200)
                .body("data.jti", contains(jti)).body("data[0].habilitation_id", equalTo(habilitation));
        // expiring_before alone lists the active tokens ending before the date
        list(admin, "/admin/tokens", Map.of("siret", siret, "expiring_before", "2999-01-01")).statusCode(200)
                .body("data.jti", contains(jti));
        list(admin, "/admin/tokens", Map.of("siret", siret, "expiring_before", "2000-01-01T00:00:00Z")).statusCode(200)
                .body("meta.total", equalTo(0));

        list(admin, "/admin/tokens", Map.of("status", "actif")).statusCode(422).body("errors[0].source.parameter", equalTo("status"));
        list(admin, "/admin/tokens", Map.of("habilitation_id", "pas-un-uuid")).statusCode(422)
                .body("errors[0].source.parameter", equalTo("habilitation_id"));
        list(admin, "/admin/tokens", Map.of("expiring_before", "bientôt")).statusCode(422)
                .body("errors[0].source.parameter", equalTo("expiring_before"));
    }

    @Test
    void anUnknownQueryParameterIsRefusedOnEveryAdminRoute() {
        String admin = Fixtures.adminToken();
        // ?organisation= once returned [] silently: the operator believed the partner had no token.
        list(admin, "/admin/tokens", Map.of("organisation", Fixtures.siret())).statusCode(400)
                .body("errors[0].code", equalTo("00800")).body("errors[0].source.parameter", equalTo("organisation"))
                .body("errors[0].detail", containsString("siret"));
        list(admin, "/admin/organisations", Map.of("name", "x")).statusCode(400)
                .body("errors[0].source.parameter", equalTo("name"));
        list(admin, "/admin/habilitations", Map.of("statut", "validated")).statusCode(400)
                .body("errors[0].source.parameter", equalTo("statut"));
        list(admin, "/admin/keys", Map.of("kid", "x")).statusCode(400).body("errors[0].source.parameter", equalTo("kid"));
        list(admin, "/admin/audit-events", Map.of("target", "x")).statusCode(400)
                .body("errors[0].source.parameter", equalTo("target"));
        // an action too: the filter is one for all admin routes
        given().auth().oauth2(admin).queryParam("force", "true").when().post("/admin/keys/rotate").then().statusCode(400)
                .body("errors[0].source.parameter", equalTo("force"));
        // routes outside /admin keep their own rules
        given().queryParam("x", "1").when().get("/.well-known/jwks.json").then().statusCode(200);
    }

    @Test
    void anAdminOrAnAuditorSessionListsAndOnlyAnAdminChanges() {
        String admin = Fixtures.adminToken();
        String auditor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("auditor", "Cour des comptes", "reason", "Contrôle annuel"))
                .when().post("/admin/auditor-tokens").then().statusCode(201).extract().path("access_token");
        for (String path : List.of("/admin/organisations", "/admin/habilitations", "/admin/tokens")) {
            given().when().get(path).then().statusCode(401).body("errors[0].code", equalTo("00101"));
            given().auth().oauth2("pas-un-jeton").when().get(path).then().statusCode(401);
            // the console's auditors read everything (and change nothing)
            given().auth().oauth2(auditor).when().get(path).then().statusCode(200);
        }
        given().auth().oauth2(auditor).contentType(ContentType.JSON).body(Map.of("siret", Fixtures.siret(), "name", "Mairie"))
                .when().post("/admin/organisations").then().statusCode(403).body("errors[0].code", equalTo("00100"));
    }

    private static ValidatableResponse list(String admin, String path, Map<String, String> query) {
        return given().auth().oauth2(admin).queryParams(query).when().get(path).then();
    }
}
