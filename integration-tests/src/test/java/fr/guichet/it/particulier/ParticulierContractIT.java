package fr.guichet.it.particulier;

import static fr.guichet.it.particulier.ParticulierSuite.JSON;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.it.SharedStack;
import fr.guichet.it.particulier.ParticulierSuite.Operation;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.ServiceCatalog;
import fr.guichet.testing.contract.ParticulierContract;
import fr.guichet.testing.particulier.ParticulierSandbox;
import fr.guichet.testing.particulier.ParticulierSandbox.FranceConnectToken;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API Particulier contract test over all sandbox cases, through the real gateway (token,
 * api kind, scopes, parameter validation, FranceConnect, quotas, scope masking, traces) with
 * every provider in sandbox mode: every case a partner can ask gets the status the case gives,
 * and every 200 body is the case's body and conforms to the operation's schema in the official
 * {@code openapi-particulier.yaml}. Civility and identifier routes are asked with a token holding
 * every scope of the operation (so that masking leaves the whole body); FranceConnect routes with
 * the fictitious FranceConnect token whose identity the case answers, the sandbox FranceConnect
 * client being bound to a habilitation holding every Particulier scope.
 *
 * <p>Cases no partner can ask are named in the output, not skipped silently: a civility case whose
 * parameters the route does not take (the official files' typos) or lacking a required one must
 * then be refused by the gateway (422) or not found (404), never a 5xx; a FranceConnect case
 * whose identity no fictitious token carries cannot be asked at all, and a FranceConnect route
 * none of whose cases a token reaches is asked once, with the token holding its scopes, for its 404.
 */
@SharedStack.Uses
class ParticulierContractIT {

    static GuichetStack stack;
    static List<Operation> operations;

    @BeforeAll
    static void startSuite() {
        operations = ParticulierSuite.operations();
        assumeTrue(!operations.isEmpty(), "no API Particulier operation declared for the providers of services.yml");
        stack = SharedStack.get();
    }

    @Test
    void everySandboxCaseOfEveryParticulierOperationAnswersThroughTheGatewayAndItsSuccessesConform() throws IOException {
        List<FranceConnectToken> franceConnectTokens = ParticulierSandbox.franceConnectTokens(ServiceCatalog.repositoryRoot());
        assertTrue(!franceConnectTokens.isEmpty(), "no fictitious FranceConnect token in " + ParticulierSandbox.FRANCE_CONNECT_TOKENS);
        ParticulierSuite.franceConnectHabilitation(stack);
        Set<String> documented = ParticulierContract.operations().keySet();
        List<String> failures = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        int cases = 0;
        int asked = 0;
        int validated = 0;
        for (Operation o : operations) {
            if (!documented.contains(o.id())) {
                failures.add(o.id() + ": not an x-operationId of openapi-particulier.yaml");
                continue;
            }
            if (o.cases().isEmpty()) {
                failures.add(o.id() + ": no sandbox case in " + o.module());
                continue;
            }
            List<String> scopes = ParticulierSuite.scopes(o.declaration());
            // A fresh token per operation: each habilitation's group quota starts full.
            IssuedToken token = ParticulierSuite.particulierToken(stack, scopes);
            int reachedHere = 0;
            for (SandboxCase c : o.cases()) {
                cases++;
                String where = o.module() + " " + c.file();
                JsonNode typed = ParticulierSandbox.typedParams(o.resources(), c);
                String bearer = token.token();
                boolean reachable;
                if (o.franceConnect()) {
                    Optional<FranceConnectToken> fc = ParticulierSandbox.tokenFor(o.id(), typed, o.named(), franceConnectTokens, scopes);
                    if (fc.isEmpty()) {
                        unreachable.add(where + " (no fictitious FranceConnect token carries its identity)");
                        continue;
                    }
                    bearer = fc.get().name();
                    reachable = true;
                } else {
                    reachable = ParticulierSandbox.reachable(o.id(), typed);
                }
                ParticulierSuite.pace();
                Response r;
                try {
                    r = ParticulierSuite.call(stack, bearer, o, c);
                } catch (RuntimeException e) {
                    failures.add(where + ": " + e);
                    continue;
                }
                asked++;
                String got = r.statusCode() + " " + r.asString();
                if (!reachable) {
                    unreachable.add(where + " (the route does not take its parameters: got " + r.statusCode() + ")");
                    if (r.statusCode() != 422 && r.statusCode() != 404 && r.statusCode() != c.status()) {
                        failures.add(where + ": got " + got + ", expected 422, 404 or " + c.status());
                    }
                    continue;
                }
                reachedHere++;
                if (r.statusCode() != c.status()) {
                    failures.add(where + " (Bearer " + (o.franceConnect() ? bearer : "Particulier") + "): got " + got
                            + ", expected " + c.status());
                    continue;
                }
                if (c.status() == 200) {
                    validated++;
                    List<String> problems = ParticulierContract.sandboxCaseProblems(o.id(), r.asString());
                    if (!problems.isEmpty()) {
                        failures.add(where + ": breaks openapi-particulier.yaml: " + problems);
                    }
                    if (!JSON.readTree(c.payload()).equals(JSON.readTree(r.asString()))) {
                        failures.add(where + ": body differs from the case's: got " + r.asString());
                    }
                    String cacheControl = r.header("Cache-Control");
                    if (cacheControl == null || !cacheControl.contains("no-store")) {
                        failures.add(where + ": Particulier data answered without Cache-Control: no-store (" + cacheControl + ")");
                    }
                }
            }
            if (reachedHere == 0 && o.franceConnect()) {
                // No case is reachable with the fictitious tokens: the route still answers, with its 404.
                Optional<FranceConnectToken> any = franceConnectTokens.stream()
                        .filter(t -> t.active() && t.scopes().stream().anyMatch(scopes::contains)).findFirst();
                if (any.isEmpty()) {
                    // The official fictitious tokens grant none of its scopes (their scope claims predate
                    // them): the call is refused for want of a scope, as a real token without them would be.
                    unreachable.add(o.id() + " (no fictitious FranceConnect token grants one of " + scopes + ")");
                    ParticulierSuite.pace();
                    Response r = ParticulierSuite.partner(stack, "all_fc").get(o.path().template().template());
                    if (r.statusCode() != 403 || !"00100".equals(r.jsonPath().getString("errors[0].code"))) {
                        failures.add(o.id() + " with all_fc, whose scopes hold none of the operation's: got " + r.statusCode()
                                + " " + r.asString() + ", expected 403 00100");
                    }
                    continue;
                }
                ParticulierSuite.pace();
                Response r = ParticulierSuite.partner(stack, any.get().name()).get(o.path().template().template());
                if (r.statusCode() != 404) {
                    failures.add(o.id() + " with " + any.get().name() + ": got " + r.statusCode() + " " + r.asString()
                            + ", expected the operation's 404");
                }
            } else if (reachedHere == 0) {
                failures.add(o.id() + ": no sandbox case can be asked through the gateway");
            }
        }
        System.out.printf("API Particulier through the gateway: %d operations, %d cases, %d asked, %d success bodies "
                + "checked against openapi-particulier.yaml, %d cases no partner can ask, %d failures%n",
                operations.size(), cases, asked, validated, unreachable.size(), failures.size());
        unreachable.forEach(u -> System.out.println("  not askable as such: " + u));
        assertTrue(validated > 0, "no success body checked");
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases went wrong:\n" + String.join("\n", failures));
    }
}
