package fr.guichet.it.providers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.sandbox.SandboxCatalogue;
import fr.guichet.it.SharedStack;
import fr.guichet.it.particulier.ParticulierSuite;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import fr.guichet.testing.ServiceCatalog;
import fr.guichet.testing.particulier.ParticulierSandbox;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published sandbox catalogue keeps its word: fetched from the gateway's {@code GET /sandbox}
 * as a partner fetches it, every entry called through the real gateway (with {@code context},
 * {@code object}, {@code recipient} and a token holding the scopes of {@code bin/guichet}'s demo
 * habilitation) gets the status the entry announces; and a call the sandbox does not know points
 * to that catalogue. API Particulier's entries are asked with a Particulier token holding the
 * launcher's demo Particulier scopes, or their fictitious FranceConnect token, the sandbox
 * FranceConnect client being bound to such a habilitation as the launcher binds it.
 */
@SharedStack.Uses
class SandboxCatalogueIT {

    static final ObjectMapper JSON = new ObjectMapper();

    static GuichetStack stack;

    @BeforeAll
    static void startSuite() {
        stack = SharedStack.get();
    }

    @Test
    void everyEntryOfThePublishedCatalogueGetsTheStatusItAnnounces() throws IOException, InterruptedException {
        Response served = given().baseUri(stack.url(Service.GATEWAY)).get("/sandbox");
        assertEquals(200, served.statusCode(), served.asString());
        SandboxCatalogue catalogue = JSON.readValue(served.asString(), SandboxCatalogue.class);
        assertEquals(SandboxCatalogue.load(), catalogue, "the gateway serves the generated catalogue");
        List<String> scopes = demoScopes();
        List<String> particulierScopes = demoScopes("DEMO_PARTICULIER_SCOPES");
        boolean franceConnectBound = false;
        List<String> failures = new ArrayList<>();
        int entries = 0;
        for (SandboxCatalogue.Operation o : catalogue.operations()) {
            boolean particulier = ParticulierSandbox.isParticulier(o.operationId());
            if (particulier && !franceConnectBound) {
                // The launcher binds the sandbox FranceConnect client to its demo Particulier habilitation,
                // which holds the whole Particulier catalogue: so does the stack's bound habilitation.
                assertTrue(particulierScopes.containsAll(ParticulierSuite.servedScopes()),
                        "the launcher's demo Particulier habilitation lacks some Particulier scope");
                ParticulierSuite.franceConnectHabilitation(stack);
                franceConnectBound = true;
            }
            // A token per operation, as a partner's demo token would be used over time: every entry
            // stays under its throttle group's limit (high_latency_documents: 5 a minute).
            IssuedToken token = particulier ? ParticulierSuite.particulierToken(stack, particulierScopes)
                    : stack.issueToken(scopes, 5000);
            for (SandboxCatalogue.Entry e : o.cases()) {
                entries++;
                if (particulier) {
                    // The fictitious FranceConnect tokens share the group quota (20 a second) across operations.
                    Thread.sleep(60);
                }
                Response r = particulier ? callParticulier(token, e) : call(token, e);
                if (r.statusCode() != e.status()) {
                    failures.add(o.operationId() + " " + e.caseName() + " GET " + e.path() + e.query() + ": got "
                            + r.statusCode() + " " + r.asString() + ", the catalogue announces " + e.status());
                }
            }
        }
        System.out.printf("Sandbox catalogue through the gateway: %d operations, %d entries, %d failures%n",
                catalogue.operations().size(), entries, failures.size());
        assertTrue(entries > 0, "empty catalogue");
        assertTrue(failures.isEmpty(), failures.size() + " of " + entries + " entries went wrong:\n"
                + String.join("\n", failures));
    }

    @Test
    void anIdentifierTheSandboxDoesNotKnowPointsToTheCatalogue() throws IOException {
        IssuedToken token = stack.issueToken(demoScopes(), 5000);
        String catalogue = stack.url(Service.GATEWAY) + "/sandbox";
        // INSEE: no 404 case for this operation, the kit's standard 404.
        call(token, "/v4/insee/sirene/unites_legales/418166096").then().statusCode(404)
                .body("errors[0].code", equalTo("01003"))
                .body("errors[0].detail", endsWith(catalogue));
        // URSSAF: the adapter's own matching, the issue's "consultez les cas de test".
        call(token, "/v4/urssaf/unites_legales/552032534/attestation_vigilance").then().statusCode(404)
                .body("errors[0].code", equalTo("04003"))
                .body("errors[0].detail", endsWith(catalogue));
        // DGFIP: the adapter's own matching, 03003 as the staging answers unknown identifiers.
        call(token, "/v4/dgfip/unites_legales/552032534/attestation_fiscale").then().statusCode(404)
                .body("errors[0].code", equalTo("03003"))
                .body("errors[0].detail", endsWith(catalogue));
        // An operation's 404 case answering an unknown identifier keeps its official code.
        call(token, "/v3/european_commission/unites_legales/418166096/numero_tva").then().statusCode(404)
                .body("errors[0].code", equalTo("32003"))
                .body("errors[0].detail", endsWith(catalogue));
    }

    static Response call(IssuedToken token, SandboxCatalogue.Entry e) {
        RequestSpecification spec = partner(token);
        e.query().forEach(spec::queryParam);
        return spec.get(e.path());
    }

    /**
     * An API Particulier entry as a partner asks it: the recipient only, each value of a list once,
     * and on a FranceConnect route the entry's fictitious FranceConnect token as the Bearer.
     */
    static Response callParticulier(IssuedToken token, SandboxCatalogue.Entry e) {
        RequestSpecification spec = given().baseUri(stack.url(Service.GATEWAY)).urlEncodingEnabled(true)
                .queryParam("recipient", SandboxCasesThroughGatewayIT.RECIPIENT)
                .header("Authorization", "Bearer " + (e.franceConnectToken() != null ? e.franceConnectToken() : token.token()));
        e.query().forEach(spec::queryParam);
        e.queryLists().forEach((name, values) -> spec.queryParam(name, values));
        return spec.get(e.path());
    }

    static Response call(IssuedToken token, String path) {
        return partner(token).get(path);
    }

    static RequestSpecification partner(IssuedToken token) {
        return given().baseUri(stack.url(Service.GATEWAY)).urlEncodingEnabled(true)
                .queryParam("context", "Essai du catalogue du bac à sable")
                .queryParam("object", "Dossier " + UUID.randomUUID())
                .queryParam("recipient", SandboxCasesThroughGatewayIT.RECIPIENT)
                .header("Authorization", "Bearer " + token.token());
    }

    /** The scopes of the launcher's demo habilitation ({@code DEMO_SCOPES} in {@code bin/guichet}). */
    static List<String> demoScopes() throws IOException {
        return demoScopes("DEMO_SCOPES");
    }

    /** A scope list of {@code bin/guichet}: {@code DEMO_SCOPES}, or {@code DEMO_PARTICULIER_SCOPES} for its Particulier demo. */
    static List<String> demoScopes(String variable) throws IOException {
        String launcher = Files.readString(ServiceCatalog.repositoryRoot().resolve("bin/guichet"));
        int start = launcher.indexOf("\n" + variable + "='") + 1;
        int end = launcher.indexOf("]'", start);
        String list = launcher.substring(start + (variable + "='").length(), end + 1)
                .replace("'\\\n'", "").replace("'", "");
        return List.of(JSON.readValue(list, String[].class));
    }
}
