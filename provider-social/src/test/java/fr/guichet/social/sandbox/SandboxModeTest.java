package fr.guichet.social.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.providerkit.operation.ProviderOperations;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.providerkit.sandbox.SandboxMisses;
import fr.guichet.social.testing.Calls;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sandbox mode (the default): every case of every operation declared for provider-social, at its
 * declared path, answers its status and body; every 200 conforms to the official OpenAPI. Adding
 * an operation's cases tests them.
 */
@QuarkusTest
class SandboxModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE_URL = "http://localhost:8080/proxy/files/[0-9a-f-]{36}";

    @Inject
    SandboxEngine catalogue;
    /** The 404 of a call no case answers names the published catalogue: the case, completed. */
    @Inject
    SandboxMisses misses;
    @Inject
    ProviderOperations operations;
    @Inject
    RedisDataSource redis;

    @Test
    void everyDeclaredOperationHasSandboxCases() {
        for (OperationDeclaration d : operations.all()) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                assertFalse(catalogue.cases(p.operationId()).isEmpty(), p.operationId());
                assertTrue(catalogue.notFoundCase(p.operationId()).isPresent(), p.operationId() + " : cas 404");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> servesEveryCaseWithItsStatusAndBody() {
        return operations.all().stream().flatMap(d -> d.paths().stream().flatMap(p -> catalogue.cases(p.operationId())
                .stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> walk(d, p, c)))));
    }

    private void walk(OperationDeclaration d, OperationDeclaration.VersionedPath p, SandboxCase c) throws IOException {
        Map<String, String> query = new LinkedHashMap<>(Calls.MANDATORY_PARAMS);
        c.params().forEach((k, v) -> {
            if (!p.template().variables().contains(k)) {
                query.put(k, v);
            }
        });
        String path = p.template().expand(c.params());
        Response response = RestAssured.given().queryParams(query).get(path);
        String body = response.body().asString();
        assertEquals(c.status(), response.statusCode(), c.file() + " → " + body);
        assertTrue(response.contentType().startsWith("application/json"), c.file());
        JsonNode expected = JSON.readTree(c.payload());
        JsonNode actual = JSON.readTree(body);
        if (c.status() == 200 && expected.path("data").has("document_url")) {
            assertTrue(d.document(), c.file() + " : document_url sans document: true");
            String url = actual.path("data").path("document_url").asText();
            assertTrue(url.matches(FILE_URL), c.file() + " → " + url);
            String sample = expected.path("data").path("document_url").asText();
            assertStoredSample(url, p.operationId() + "/" + sample.substring(sample.lastIndexOf('/') + 1),
                    actual.path("data").path("expires_in").asLong());
            ((ObjectNode) expected.get("data")).remove(java.util.List.of("document_url", "expires_in"));
            ((ObjectNode) actual.get("data")).remove(java.util.List.of("document_url", "expires_in"));
        }
        assertEquals(expected, actual, c.file());
        if (c.status() == 200) {
            OpenApiContract.assertValid(path, 200, body);
        }
    }

    /** The sample PDF copied beside the case is what the gateway's /proxy/files serves, for expires_in seconds. */
    private void assertStoredSample(String url, String sample, long expiresIn) throws IOException {
        String key = "guichet:file:" + url.substring(url.lastIndexOf('/') + 1);
        byte[] expected;
        try (InputStream in = SandboxModeTest.class.getClassLoader().getResourceAsStream("sandbox/" + sample)) {
            assertTrue(in != null, sample);
            expected = in.readAllBytes();
        }
        assertArrayEquals(expected, redis.value(byte[].class).get(key), key);
        long ttl = redis.key().ttl(key);
        assertTrue(expiresIn > 0 && expiresIn <= 86_400 && ttl > expiresIn - 5 && ttl <= expiresIn,
                "TTL " + ttl + ", expires_in " + expiresIn);
    }

    @Test
    void aSiretWithoutCaseGetsTheOperationsNotFoundCase() {
        String notFound = catalogue.notFoundCase("api_entreprise_v3_msa_conformites_cotisations").orElseThrow().payload();
        Calls.get("/v3/msa/etablissements/41816609600069/conformite_cotisations").then().statusCode(404)
                .body(org.hamcrest.Matchers.is(misses.hinted(notFound)));
    }

    @Test
    void aMalformedSiretIs422() {
        Calls.get("/v3/msa/etablissements/4181660960006/conformite_cotisations").then().statusCode(422)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("00302"));
    }

    @Test
    void openApiListsTheDeclaredPaths() {
        RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v3/msa/etablissements/{siret}/conformite_cotisations'.get.operationId",
                        org.hamcrest.Matchers.equalTo("api_entreprise_v3_msa_conformites_cotisations"));
    }
}
