package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.logging.UserDataLogFilter;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each log line written while serving a request carries that request's id (MDC {@code request_id}). */
@QuarkusTest
class RequestIdLogTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void logLinesOfARequestCarryItsId() throws Exception {
        String admin = Fixtures.adminToken();
        Map<String, Object> issued = Fixtures.issuedToken(admin);
        String email = given().auth().oauth2(admin).when().get("/admin/habilitations/" + issued.get("habilitation_id"))
                .then().statusCode(200).extract().path("contacts.demandeur.email");
        String session = PartnerLogins.session(mailbox, email);

        String requestId = "req-" + UUID.randomUUID();
        // trace-service does not run in these tests: the partner's statistics log a warning.
        given().auth().oauth2(session).header("X-Request-ID", requestId)
                .when().get("/me/tokens/" + issued.get("jti") + "/stats").then().statusCode(502)
                .header("X-Request-ID", requestId);
        assertTrue(Files.readAllLines(Path.of("target/token-service-test.log"), StandardCharsets.UTF_8).stream()
                .anyMatch(l -> l.contains("trace-service unreachable") && l.contains("request_id=" + requestId)));
        // and the user-data filter is the one the handlers use
        assertTrue(UserDataLogFilter.escape("a\nb\r\u2028c").equals("a\\nb\\r\\u2028c"));
    }
}
