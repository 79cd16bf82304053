package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx API Entreprise error in French, never a 500, and nothing is half-written. */
@QuarkusTest
class BadInputTest {

    @Inject
    AgroalDataSource db;

    String admin;
    String siret;

    @BeforeEach
    void organisation() {
        admin = Fixtures.adminToken();
        siret = Fixtures.createOrganisation(admin, Fixtures.siret());
    }

    @Test
    void hugeEmailIsRefusedByTheLinearCheck() throws Exception {
        // 16,000 dots once took the old regular expression seconds and slowed every other request.
        String huge = "a@" + ".".repeat(16_000) + "@x";
        given().contentType(ContentType.JSON).body(Map.of("email", huge))
                .when().post("/auth/magic-links").then().statusCode(422).body("errors[0].source.parameter", equalTo("email"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Fixtures.habilitationBody(siret, huge)).when().post("/admin/habilitations").then().statusCode(422)
                .body("errors.source.parameter", hasItem("contacts.demandeur.email"));
        // Bounded first (RFC 5321: 254, here 255), then parsed without any regular expression.
        org.junit.jupiter.api.Assertions.assertFalse(fr.guichet.token.habilitation.EmailAddresses.isValid(
                "a".repeat(64) + "@" + "b".repeat(187) + ".fr"));
        org.junit.jupiter.api.Assertions.assertTrue(fr.guichet.token.habilitation.EmailAddresses.isValid("prenom.nom+x@dinum.gouv.fr"));
        for (String bad : List.of("pas une adresse", "a@b", "Nom <a@b.fr>", "a@b.fr, c@d.fr", "(c)a@b.fr", "a@[1.2.3.4]", "a@b..fr")) {
            org.junit.jupiter.api.Assertions.assertFalse(fr.guichet.token.habilitation.EmailAddresses.isValid(bad), bad);
        }
        for (Class<?> c : List.of(fr.guichet.token.habilitation.EmailAddresses.class,
                fr.guichet.token.habilitation.HabilitationValidator.class, fr.guichet.token.partner.MagicLinkService.class)) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                org.junit.jupiter.api.Assertions.assertFalse(f.getName().equals("EMAIL") && f.getType() == java.util.regex.Pattern.class,
                        "no e-mail regular expression left in " + c.getSimpleName());
            }
        }
    }

    @Test
    void aNulCharacterIsA422NamingTheFieldAndChangesNothing() {
        // PostgreSQL refuses U+0000 in text (22021): these once failed as 500 after every check passed,
        // and an incident cut sent that way was lost.
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"siret\": \"" + Fixtures.siret() + "\", \"name\": \"a\\u0000b\"}")
                .when().post("/admin/organisations").then().statusCode(422)
                .body("errors[0].source.parameter", equalTo("name"))
                .body("errors[0].detail", containsString("U+0000"));
        String before = given().auth().oauth2(admin).when().get("/admin/incident").then().statusCode(200)
                .extract().asString();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"data_plane_cut\": true, \"cut_providers\": [\"insee\\u0000\"], \"reason\": \"a\\u0000b\"}")
                .when().put("/admin/incident").then().statusCode(422)
                .body("errors[0].code", equalTo("00801"));
        assertEquals(before, given().auth().oauth2(admin).when().get("/admin/incident").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void malformedAndMistypedBodies() {
        post("/admin/organisations", "{\"siret\": ").then().statusCode(400)
                .body("errors[0].code", equalTo("00800")).body("errors[0].detail", containsString("JSON"));
        post("/admin/habilitations", "{\"organisation_siret\": \"" + siret + "\", \"rate_limit_per_minute\": \"beaucoup\"}")
                .then().statusCode(422).body("errors[0].source.parameter", equalTo("rate_limit_per_minute"));
        post("/admin/habilitations", "{\"scopes\": \"pas une liste\"}").then().statusCode(422);
        post("/admin/organisations", "[]").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.TEXT).body("siret=1")
                .when().post("/admin/organisations").then().statusCode(415).body("errors[0].code", equalTo("00801"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .when().post("/admin/organisations").then().statusCode(400);
    }

    /**
     * Jackson's own messages are English and name Guichet's classes ("Cannot deserialize value of
     * type `java.lang.String` from Object value", "(class fr.guichet...)"): no refusal quotes them,
     * whatever the shape of the bad body, and none is a 500.
     */
    @Test
    void noRefusalQuotesJacksonsMessage() {
        String habilitation = Fixtures.createHabilitation(admin, siret, "jackson@example.org");
        List<String[]> calls = List.of(
                new String[] {"POST", "/admin/organisations", "{\"siret\": {\"a\": 1}, \"name\": \"X\"}"},
                new String[] {"POST", "/admin/organisations", "{\"siret\": [\"1\"], \"name\": \"X\"}"},
                new String[] {"POST", "/admin/organisations", "\"une chaîne\""},
                new String[] {"POST", "/admin/organisations", "{\"siret\": \"1\",\n \"name\": }"},
                new String[] {"POST", "/admin/habilitations", "{\"organisation_siret\": \"" + siret + "\", \"rate_limit_per_minute\": 99999999999999}"},
                new String[] {"POST", "/admin/habilitations", "{\"scopes\": [{\"a\": 1}]}"},
                new String[] {"POST", "/admin/habilitations", "{\"contacts\": \"x\"}"},
                new String[] {"POST", "/admin/habilitations", "{\"contacts\": {\"demandeur\": [1]}}"},
                new String[] {"POST", "/admin/habilitations", "{\"allowed_ips\": {\"a\": 1}}"},
                new String[] {"POST", "/admin/habilitations/" + habilitation + "/validate", "{\"reason\": {\"a\": 1}}"},
                new String[] {"PUT", "/admin/incident", "{\"data_plane_cut\": \"peut-être\", \"reason\": \"x\"}"},
                new String[] {"PUT", "/admin/incident", "{\"data_plane_cut\": true, \"cut_providers\": \"insee\", \"reason\": [1]}"},
                new String[] {"PUT", "/admin/habilitations/" + habilitation + "/franceconnect_client", "{\"client_id\": {}}"},
                new String[] {"POST", "/admin/oauth-clients", "{\"habilitation_id\": [1]}"},
                new String[] {"POST", "/auth/magic-links", "{\"email\": {\"a\": 1}}"});
        java.util.regex.Pattern jackson = java.util.regex.Pattern.compile(
                "class |fr\\.guichet|java\\.|Cannot |Unrecognized|deserializ|`|\\[Source|line: |through reference chain");
        for (String[] call : calls) {
            io.restassured.response.Response answer = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(call[2]).when().request(call[0], call[1]);
            String what = call[0] + " " + call[1] + " " + call[2] + " -> " + answer.statusCode() + " " + answer.asString();
            org.junit.jupiter.api.Assertions.assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, what);
            org.junit.jupiter.api.Assertions.assertFalse(jackson.matcher(answer.asString()).find(), what);
        }
    }

    @Test
    void invalidSiretAndMissingFields() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siret", "12345678901234", "name", "X"))
                .when().post("/admin/organisations").then().statusCode(422)
                .body("errors[0].code", equalTo("00302")).body("errors[0].source.parameter", equalTo("siret"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siret", Fixtures.siret()))
                .when().post("/admin/organisations").then().statusCode(422).body("errors[0].source.parameter", equalTo("name"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .when().post("/admin/habilitations").then().statusCode(422)
                .body("errors.source.parameter", hasItem("organisation_siret"))
                .body("errors.source.parameter", hasItem("api_kind"))
                .body("errors.source.parameter", hasItem("scopes"))
                .body("errors.source.parameter", hasItem("contacts"));
    }

    @Test
    void unknownScopeInvalidCidrAndUnknownOrganisationWriteNothing() throws Exception {
        Map<String, Object> body = new HashMap<>(Fixtures.habilitationBody(siret, "x@example.fr"));
        body.put("scopes", List.of(Fixtures.SCOPE, "acces_total"));
        body.put("allowed_ips", List.of("192.0.2.0/24", "10.0.0.300/8", "2001:db8::/129", "example.org"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(422)
                .body("errors.detail", hasItem(containsString("acces_total")))
                .body("errors.detail", hasItem(containsString("10.0.0.300/8")))
                .body("errors.detail", hasItem(containsString("2001:db8::/129")))
                .body("errors.detail", hasItem(containsString("example.org")));
        // A scope of API Particulier is not one of API Entreprise.
        body = new HashMap<>(Fixtures.habilitationBody(siret, "x@example.fr"));
        body.put("api_kind", "particulier");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(422).body("errors[0].source.parameter", equalTo("scopes"));
        body = new HashMap<>(Fixtures.habilitationBody(Fixtures.siret(), "x@example.fr"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(422)
                .body("errors[0].source.parameter", equalTo("organisation_siret"));
        assertEquals(0, habilitationsOf(siret));
    }

    @Test
    void unknownIdsAndPathsAre404() {
        Fixtures.postReason(admin, "/admin/habilitations/00000000-0000-4000-8000-000000000000/validate", "x").statusCode(404)
                .body("errors[0].code", equalTo("00003"));
        Fixtures.postReason(admin, "/admin/tokens/pas-un-uuid/revoke", "x").statusCode(404);
        given().auth().oauth2(admin).when().get("/admin/rien").then().statusCode(404).body("errors[0].code", equalTo("00003"));
        given().auth().oauth2(admin).queryParam("expiring_before", "demain")
                .when().get("/admin/tokens").then().statusCode(422).body("errors[0].source.parameter", equalTo("expiring_before"));
    }

    private io.restassured.response.Response post(String path, String json) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(json).when().post(path);
    }

    private int habilitationsOf(String siret) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from habilitations h join organisations o on o.id = h.organisation_id where o.siret = ?")) {
            ps.setString(1, siret);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
