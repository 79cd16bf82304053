package fr.guichet.social.error;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.guichet.social.testing.Calls;
import fr.guichet.social.testing.ProductionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A failure nobody foresaw is 502 {@code XX999} with the catalogue's body, the status and body
 * shape every provider answers (the kit's one exception mapper). MSA has no production adapter
 * (no upstream exchange is known): in production mode its calls are that failure, under MSA's prefix.
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
}
