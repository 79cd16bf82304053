package fr.guichet.social.error;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.social.conventions.client.FabriqueClient;
import fr.guichet.social.testing.Calls;
import fr.guichet.social.testing.ProductionProfile;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw is 502 {@code XX999} with the catalogue's body, the status and body
 * shape every provider answers (the kit's one exception mapper). MSA has no production adapter
 * (no upstream exchange is known): in production mode its calls are that failure, under MSA's prefix.
 * An upstream whose settings are missing answers the same, under its own prefix.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class UnexpectedFailureTest {

    @Test
    void msaWithoutProductionAdapterIs502With10999() {
        Calls.get("/v3/msa/etablissements/20005379100014/conformite_cotisations").then().statusCode(502)
                .contentType("application/json")
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("10999"))
                .body("errors[0].title", equalTo("Erreur inconnue du fournisseur de données"))
                .body("errors[0].meta", anEmptyMap());
    }

    @Test
    void aBugInAnAdapterIs502WithItsUpstreamsPrefix() {
        QuarkusMock.installMockForType(new FabriqueClient(null, null, null) {
            @Override
            public JsonNode conventions(OperationDeclaration operation, String siret) {
                throw new IllegalStateException("a bug");
            }
        }, FabriqueClient.class);
        Calls.get("/v3/fabrique_numerique_ministeres_sociaux/etablissements/30613890001294/conventions_collectives")
                .then().statusCode(502)
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("14999"))
                .body("errors[0].meta", anEmptyMap());
    }

    @Test
    void anUpstreamWithoutItsSettingsIs502WithItsPrefix() {
        Calls.get("/v3/probtp/etablissements/30613890001294/conformite_cotisations_retraite").then().statusCode(502)
                .body("errors[0].code", equalTo("09999"));
        Calls.get("/v3/cnetp/unites_legales/130025265/attestation_cotisations_conges_payes_chomage_intemperies")
                .then().statusCode(502).body("errors[0].code", equalTo("08999"));
    }

    @Test
    void readinessIsDownForAnUpstreamWithoutSettings() {
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'cibtp' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'cibtp' }.data.reason", equalTo("url or credentials not configured"));
    }
}
