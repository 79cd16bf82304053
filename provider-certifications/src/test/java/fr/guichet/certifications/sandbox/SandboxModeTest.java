package fr.guichet.certifications.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.providerkit.operation.ProviderOperations;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.testing.contract.OpenApiContract;
import fr.guichet.testing.sandbox.SandboxWalk;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.provider.DocumentKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sandbox mode: every case of every operation declared in {@code certifications.yml}, at its
 * declared path, answers its status and body, and every 200 conforms to the official OpenAPI.
 * Adding an operation's cases tests them.
 */
@QuarkusTest
class SandboxModeTest {

    static final Map<String, String> MANDATORY_PARAMS = Map.of(
            "context", "Test de l'API", "object", "Test de l'API", "recipient", "13002526500013");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SandboxEngine engine;
    @Inject
    ProviderOperations operations;
    @Inject
    RedisDataSource redis;

    @Test
    void everyDeclaredOperationHasASuccessAndANotFoundCase() {
        for (OperationDeclaration d : operations.all()) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                assertTrue(engine.cases(p.operationId()).stream().anyMatch(c -> c.status() == 200), p.operationId());
                assertTrue(engine.notFoundCase(p.operationId()).isPresent(), p.operationId());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> servesEveryCaseWithItsStatusAndBody() {
        return SandboxWalk.everyCase(operations.all(), engine::cases, this::walk);
    }

    private void walk(OperationDeclaration.VersionedPath p, SandboxCase c) throws Exception {
        String body = SandboxWalk.assertStatus(c, SandboxWalk.askEntreprise(p, c));
        JsonNode expected = JSON.readTree(c.payload());
        JsonNode actual = JSON.readTree(body);
        int documents = linkStoredDocuments(expected, actual, c.file());
        assertEquals(expected, actual, c.file());
        if (c.status() == 200 && c.payload().contains("\"document_url\"")) {
            assertTrue(documents > 0, c.file() + " : aucun document servi");
        }
        if (c.status() == 200) {
            OpenApiContract.assertValid(SandboxWalk.entreprisePath(p, c), 200, body);
        }
    }

    /**
     * A case's sample document is served by Guichet (kit's SandboxDocuments): where the case names
     * one, the answer links a stored copy holding the shipped file's bytes, with its real lifetime.
     * The expected body takes that URL and lifetime; the number of documents checked is returned.
     */
    private int linkStoredDocuments(JsonNode expected, JsonNode actual, String file) throws Exception {
        AtomicInteger count = new AtomicInteger();
        if (expected instanceof ObjectNode e && actual instanceof ObjectNode a && e.path("document_url").isTextual()
                && !e.get("document_url").equals(a.get("document_url"))) {
            String url = a.path("document_url").asText();
            assertTrue(url.startsWith("http://localhost:8080/proxy/files/"), file + " : " + url);
            String sample = e.get("document_url").asText().replaceAll(".*/([^/]+/[^/]+)$", "$1");
            byte[] stored = redis.value(byte[].class).get(DocumentKeys.key(url.substring(url.lastIndexOf('/') + 1)));
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("sandbox/" + sample)) {
                assertTrue(in != null && java.util.Arrays.equals(in.readAllBytes(), stored), file + " : " + sample);
            }
            e.put("document_url", url);
            for (String expiry : java.util.List.of("document_url_expires_in", "expires_in")) {
                if (e.has(expiry)) {
                    assertEquals(86400, a.path(expiry).asLong(), file);
                    e.set(expiry, a.get(expiry));
                }
            }
            count.incrementAndGet();
        }
        if (expected.isContainerNode()) {
            for (int i = 0; i < expected.size(); i++) {
                JsonNode childE = expected.isArray() ? expected.get(i) : null;
                JsonNode childA = expected.isArray() ? actual.get(i) : null;
                if (childE != null && childA != null) {
                    count.addAndGet(linkStoredDocuments(childE, childA, file));
                }
            }
            if (expected.isObject()) {
                var names = expected.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    if (actual.has(name)) {
                        count.addAndGet(linkStoredDocuments(expected.get(name), actual.get(name), file));
                    }
                }
            }
        }
        return count.get();
    }

    @Test
    void malformedIdentifiersGet422() {
        for (OperationDeclaration d : operations.all()) {
            OperationDeclaration.VersionedPath p = d.paths().get(0);
            String bad = "siren".equals(d.identifier()) ? "12345" : "1234567890123A";
            given().queryParams(MANDATORY_PARAMS).get(p.template().expand(Map.of(d.identifier(), bad)))
                    .then().statusCode(422)
                    .body("errors[0].code", equalTo("siren".equals(d.identifier()) ? "00301" : "00302"));
        }
    }

    @Test
    void openApiListsEveryDeclaredPath() {
        String openapi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (OperationDeclaration d : operations.all()) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                assertTrue(openapi.contains(p.template().template()), p.template().template());
            }
        }
        assertFalse(openapi.isEmpty());
    }

    @Test
    void readinessIsUpWithRedis() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
