package fr.guichet.insee.sirene.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.insee.sirene.service.InseeOperation;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.operation.ProviderOperations;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.providerkit.sandbox.SandboxMisses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@QuarkusTest
class SandboxModeTest {

    @Inject
    SandboxEngine catalogue;
    /** The 404 of a call no case answers names the published catalogue: the case, completed. */
    @Inject
    SandboxMisses misses;
    @Inject
    ProviderOperations operations;

    @Test
    void everyOperationHasItsFixtures() {
        for (InseeOperation op : InseeOperation.values()) {
            assertTrue(catalogue.cases(op.id()).size() >= 6 || op == InseeOperation.SUCCESSIONS_V3, op.id());
        }
        assertEquals(5, catalogue.cases(InseeOperation.SUCCESSIONS_V3.id()).size());
    }

    @Test
    void everyDeclaredOperationHasSandboxCases() {
        for (OperationDeclaration d : operations.all()) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                assertFalse(catalogue.cases(p.operationId()).isEmpty(), p.operationId());
            }
        }
    }

    /** Every case of every operation declared for provider-insee, at its declared path: adding an operation's cases tests them. */
    @TestFactory
    Stream<DynamicTest> servesEveryFixtureWithItsStatusAndBody() {
        return operations.all().stream().flatMap(d -> d.paths().stream()).flatMap(p -> catalogue.cases(p.operationId()).stream().map(c ->
                DynamicTest.dynamicTest(c.file(), () -> {
                    Map<String, String> query = new LinkedHashMap<>(OperationPaths.MANDATORY_PARAMS);
                    c.params().forEach((k, v) -> {
                        if (!p.template().variables().contains(k)) {
                            query.put(k, v);
                        }
                    });
                    Response response = given().queryParams(query).get(p.template().expand(c.params()));
                    assertEquals(c.status(), response.statusCode(), c.file());
                    assertEquals(c.payload(), response.body().asString(), c.file());
                    assertTrue(response.contentType().startsWith("application/json"), c.file());
                })));
    }

    @Test
    void unknownSirenGetsTheStandardNotFound() {
        given().get("/v3/insee/sirene/unites_legales/418166096")
                .then().statusCode(404)
                .body("errors[0].code", equalTo("01003"))
                .body("errors[0].title", equalTo("Entité non trouvée"))
                .body("errors[0].meta.provider", equalTo("INSEE"));
    }

    @Test
    void unknownSiretGetsTheFixturesNotFoundCase() {
        String notFound = catalogue.notFoundCase(InseeOperation.ETABLISSEMENTS_V3.id()).orElseThrow().payload();
        given().get("/v3/insee/sirene/etablissements/41816609600069")
                .then().statusCode(404).body(is(misses.hinted(notFound)));
    }

    @Test
    void malformedIdentifiersGet422() {
        for (String path : List.of("/v3/insee/sirene/unites_legales/12345", "/v4/insee/sirene/unites_legales/diffusibles/418166095")) {
            given().get(path).then().statusCode(422)
                    .body("errors[0].code", equalTo("00301"))
                    .body("errors[0].source.parameter", equalTo("siren"));
        }
        given().get("/v3/insee/sirene/etablissements/4181660960006A/adresse").then().statusCode(422)
                .body("errors[0].code", equalTo("00302"));
    }

    @Test
    void requestIdComesBack() {
        given().header("X-Request-ID", "0190f1e2-aaaa-7bbb-8ccc-123456789abc").get("/v3/insee/sirene/unites_legales/552049447")
                .then().statusCode(200).header("X-Request-ID", "0190f1e2-aaaa-7bbb-8ccc-123456789abc");
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v3/insee/sirene/unites_legales/{siren}'.get.operationId", equalTo("uniteLegaleV3"))
                .body("paths.'/v3/insee/sirene/etablissements/{siret}/successions'.get.summary",
                        equalTo("Prédécesseurs et successeurs d'un établissement"))
                .body("paths.'/v4/insee/sirene/unites_legales/diffusibles/{siren}'.get.responses.'451'.description",
                        org.hamcrest.Matchers.containsString("01005"))
                .body("paths.'/v3/insee/sirene/etablissements/{siret}/adresse'.get.responses.'504'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ApiEntrepriseError"));
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("http_server_requests"));
    }

    @Test
    void readinessChecksRedis() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'insee-sirene' }.data.mode", equalTo("sandbox"));
    }
}
