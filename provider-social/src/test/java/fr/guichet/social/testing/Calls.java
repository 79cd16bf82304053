package fr.guichet.social.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.Map;

/** Calls as the gateway forwards them: with API Entreprise's mandatory tracing parameters. */
public final class Calls {

    public static final Map<String, String> MANDATORY_PARAMS = Map.of(
            "context", "Test de l'API", "object", "Test de l'API", "recipient", "13002526500013");

    private Calls() {
    }

    public static Response get(String path) {
        return given().queryParams(MANDATORY_PARAMS).get(path);
    }
}
