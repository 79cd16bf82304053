package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** Acceptance: tokens signed before and after rotation both verify; after retirement the old ones do not. */
@QuarkusTest
class KeyRotationTest {

    @Test
    void rotateThenRetire() throws Exception {
        String admin = Fixtures.adminToken();
        String before = (String) Fixtures.issuedToken(admin).get("token");
        String oldKid = kid(before);

        String newKid = Fixtures.postReason(admin, "/admin/keys/rotate", "Rotation trimestrielle")
                .statusCode(201).body("algorithm", equalTo("ES256"))
                .extract().path("kid");
        assertNotEquals(oldKid, newKid);

        // Sessions signed with the old key still work until it is retired.
        String after = (String) Fixtures.issuedToken(admin).get("token");
        assertEquals(newKid, kid(after));
        List<String> kids = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
        assertEquals(true, kids.containsAll(List.of(oldKid, newKid)));
        Fixtures.verifyWithJwks(before, "JWT");
        Fixtures.verifyWithJwks(after, "JWT");

        // The signing key cannot be retired; an old one can.
        Fixtures.postReason(admin, "/admin/keys/" + newKid + "/retire", "non").statusCode(409);
        String admin2 = Fixtures.adminToken();
        Fixtures.postReason(admin2, "/admin/keys/" + oldKid + "/retire", "Fin de la période de recouvrement").statusCode(200);

        List<String> liveKids = given().when().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        assertEquals(false, liveKids.contains(oldKid));
        assertThrows(InvalidJwtException.class, () -> Fixtures.verifyWithJwks(before, "JWT"));
        Fixtures.verifyWithJwks(after, "JWT");
        // A session signed by the retired key no longer opens the admin API.
        if (oldKid.equals(kid(admin))) {
            given().auth().oauth2(admin).when().get("/admin/keys").then().statusCode(401);
        }
        given().auth().oauth2(admin2).when().get("/admin/keys").then().statusCode(200);
        Fixtures.postReason(admin2, "/admin/keys/unknown-kid/retire", "x").statusCode(404);
    }

    private static String kid(String jwt) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        return jws.getKeyIdHeaderValue();
    }
}
