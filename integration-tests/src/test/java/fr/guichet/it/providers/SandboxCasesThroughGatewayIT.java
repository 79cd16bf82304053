package fr.guichet.it.providers;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.it.SharedStack;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import fr.guichet.testing.ServiceCatalog;
import fr.guichet.testing.contract.OpenApiContract;
import fr.guichet.testing.particulier.ParticulierSandbox;
import fr.guichet.testing.sandbox.SandboxCatalogueGenerator;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every sandbox case of every operation declared for every provider of {@code services.yml},
 * asked as a partner asks it: through the real gateway (token, scopes, quotas, identifier checks,
 * link rewriting), every provider in sandbox mode. The providers' own tests walk the same cases at
 * the provider; this one proves the gateway lets each of them through unchanged, or refuses it for
 * the reason it must, and that every success body it delivers conforms to the official API
 * Entreprise OpenAPI (the contract test over all cases). API Particulier's operations are
 * ParticulierContractIT's.
 */
@SharedStack.Uses
class SandboxCasesThroughGatewayIT {

    static final String RECIPIENT = "13002526500013";
    static final String UPSTREAM = "https://entreprise.api.gouv.fr";
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static GuichetStack stack;

    @BeforeAll
    static void startSuite() {
        stack = SharedStack.get();
    }

    /** One call to make: a case of a versioned operation. */
    record Walked(OperationDeclaration declaration, OperationDeclaration.VersionedPath path, SandboxCase sandboxCase) {
    }

    @Test
    void everySandboxCaseOfEveryDeclaredOperationAnswersThroughTheGateway() throws IOException {
        OperationDeclarations declarations = OperationDeclarations.standard();
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int cases = 0;
        int reachable = 0;
        int refused = 0;
        int[] validated = {0};
        for (ServiceCatalog.Descriptor adapter : ServiceCatalog.repository().providers()) {
            String provider = adapter.provider();
            Map<String, List<SandboxCase>> byOperation = SandboxCatalogueGenerator.sandboxCases(ServiceCatalog.repositoryRoot(), adapter.module());
            for (OperationDeclaration d : declarations.forProvider(provider).all()) {
                // ENSU routes ask for the partner's client certificate, which this walk does not play;
                // ProvidersThroughGatewayIT covers them with a certificate of its own CA.
                if (d.clientCertificate()) {
                    continue;
                }
                // API Particulier's operations take a Particulier token and no context/object:
                // ParticulierContractIT walks their cases.
                if (d.paths().stream().anyMatch(p -> ParticulierSandbox.isParticulier(p.operationId()))) {
                    continue;
                }
                for (OperationDeclaration.VersionedPath p : d.paths()) {
                    operations++;
                    List<SandboxCase> opCases = byOperation.getOrDefault(p.operationId(), List.of());
                    // A fresh token per operation: its cases stay under every throttle.yml group's limit
                    // (high_latency_documents: 5 a minute), and the habilitation's own limit is high.
                    IssuedToken token = stack.issueToken(List.of(scopeOf(d)), 5000);
                    int reachableHere = 0;
                    for (SandboxCase c : opCases) {
                        cases++;
                        String where = adapter.module() + " " + c.file();
                        Response r;
                        String path = p.template().expand(c.params());
                        try {
                            r = call(token, p, c).get(path);
                        } catch (RuntimeException e) {
                            failures.add(where + " GET " + path + ": " + e);
                            continue;
                        }
                        if (SandboxCatalogueGenerator.identifierPasses(d, c)) {
                            reachable++;
                            reachableHere++;
                            check(where, path, d, c, r, failures);
                            if (r.statusCode() == 200 && r.contentType().startsWith("application/json")) {
                                validated[0]++;
                                List<String> problems = OpenApiContract.sandboxCaseProblems(p.operationId(), path, r.asString());
                                if (!problems.isEmpty()) {
                                    failures.add(where + " GET " + path + ": breaks the official OpenAPI: " + problems);
                                }
                            }
                        } else {
                            refused++;
                            String code = IDENTIFIER_CODES.getOrDefault(d.identifier(), "00301");
                            String got = r.statusCode() == 422 ? r.jsonPath().getString("errors[0].code") : null;
                            if (r.statusCode() != 422 || !code.equals(got)) {
                                failures.add(where + " GET " + path + ": got " + r.statusCode() + " " + r.asString()
                                        + ", expected 422 " + code + " (identifier fails its checksum)");
                            }
                        }
                    }
                    if (reachableHere == 0) {
                        failures.add(p.operationId() + ": no sandbox case passes the gateway's checks ("
                                + opCases.size() + " cases)");
                    }
                }
            }
        }
        System.out.printf("Sandbox cases through the gateway: %d operations, %d cases, %d reachable, "
                + "%d refused for their identifier's checksum, %d success bodies checked against the OpenAPI, "
                + "%d failures%n", operations, cases, reachable, refused, validated[0], failures.size());
        assertTrue(operations > 0 && cases > 0, "no operation walked");
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases went wrong:\n"
                + String.join("\n", failures));
    }

    static RequestSpecification call(IssuedToken token, OperationDeclaration.VersionedPath p, SandboxCase c) {
        RequestSpecification spec = given().baseUri(stack.url(Service.GATEWAY)).urlEncodingEnabled(true)
                .queryParam("context", "Contrôle des aides publiques")
                .queryParam("object", "Dossier " + UUID.randomUUID())
                .queryParam("recipient", RECIPIENT)
                .header("Authorization", "Bearer " + token.token());
        for (Map.Entry<String, List<String>> param : c.values().entrySet()) {
            if (p.template().variables().contains(param.getKey())) {
                continue;
            }
            if (param.getValue().size() > 1) {
                spec.queryParam(param.getKey() + "[]", param.getValue());
            } else {
                spec.queryParam(param.getKey(), param.getValue().get(0));
            }
        }
        return spec;
    }

    /** The gateway's code for an identifier that fails its check (errors.yml). */
    static final Map<String, String> IDENTIFIER_CODES = Map.of("siren", "00301", "siret", "00302",
            "siret_or_rna", "00303", "siren_or_rna", "00333", "siren_or_siret_or_rna", "00330", "siret_or_eori", "00304");

    static void check(String where, String path, OperationDeclaration d, SandboxCase c, Response r,
                      List<String> failures) {
        if (r.statusCode() != c.status()) {
            failures.add(where + " GET " + path + ": got " + r.statusCode() + " " + r.asString()
                    + ", expected " + c.status());
            return;
        }
        if (c.status() / 100 != 2) {
            return;
        }
        JsonNode expected;
        JsonNode got;
        try {
            expected = JSON.readTree(c.payload());
        } catch (IOException e) {
            return; // not a JSON success: its status is all there is to compare
        }
        try {
            got = JSON.readTree(r.asString());
        } catch (IOException e) {
            failures.add(where + " GET " + path + ": got a body that is not JSON: " + r.asString());
            return;
        }
        List<String> problems = new ArrayList<>();
        // The platform legitimately rewrites these; they are compared by presence and shape only.
        // - document operations: the provider stores the PDF and the gateway serves it from
        //   /proxy/files with a lifetime of its own, so document_url and the expiry fields differ.
        if (d.document()) {
            rewrittenDocuments(expected, got, problems);
        }
        // - links: the gateway points every entreprise.api.gouv.fr link at its own public base URL
        //   (PublicLinks), keeping the path.
        rewrittenLinks(expected, got, problems);
        if (!expected.equals(got)) {
            problems.add("body differs: got " + got + ", expected " + expected);
        }
        if (!problems.isEmpty()) {
            failures.add(where + " GET " + path + ": " + String.join("; ", problems));
        }
    }

    /** Link fields a provider may point at a stored copy: {@code document_url}, and INPI's {@code url}. */
    static final Set<String> DOCUMENT_LINKS = Set.of("document_url", "url");

    /**
     * At any depth (a list of certificates, of actes and bilans): each document link the case gives
     * must be served by the gateway's /proxy/files, and the expiry fields beside it numbers; both
     * are then compared by shape only, since the provider stores a copy with a lifetime of its own.
     */
    static void rewrittenDocuments(JsonNode expected, JsonNode got, List<String> problems) {
        if (expected instanceof ObjectNode e && got instanceof ObjectNode g) {
            boolean stored = false;
            for (String field : DOCUMENT_LINKS) {
                String url = g.path(field).asText("");
                if (e.path(field).isTextual() && url.contains("/proxy/files/")) {
                    e.remove(field);
                    g.remove(field);
                    stored = true;
                }
            }
            if (stored) {
                for (String field : List.copyOf(fieldNames(e))) {
                    if (field.contains("expire") && e.get(field).isNumber()) {
                        if (!g.path(field).canConvertToLong()) {
                            problems.add(field + " is not a number: " + g.path(field));
                        }
                        e.remove(field);
                        g.remove(field);
                    }
                }
            }
            for (String field : fieldNames(e)) {
                rewrittenDocuments(e.get(field), g.get(field), problems);
            }
        } else if (expected != null && expected.isArray() && got != null && got.isArray()) {
            for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
                rewrittenDocuments(expected.get(i), got.get(i), problems);
            }
        }
    }

    /** Replaces, in both trees, each upstream link by its path once the gateway's one is seen to keep it. */
    static void rewrittenLinks(JsonNode expected, JsonNode got, List<String> problems) {
        if (expected instanceof ObjectNode e && got instanceof ObjectNode g) {
            for (String field : fieldNames(e)) {
                if ("links".equals(field) && e.get(field) instanceof ObjectNode el && g.get(field) instanceof ObjectNode gl) {
                    for (String link : fieldNames(el)) {
                        String value = el.get(link).asText("");
                        if (el.get(link).isTextual() && value.startsWith(UPSTREAM) && gl.path(link).isTextual()) {
                            // API Entreprise's links carry an /api prefix its own routes do not have:
                            // the gateway drops it (PublicLinks), and without a public base URL the link is the bare path.
                            String suffix = value.substring(UPSTREAM.length());
                            if (suffix.startsWith("/api/")) {
                                suffix = suffix.substring("/api".length());
                            }
                            if (!gl.get(link).asText().endsWith(suffix) || gl.get(link).asText().contains("entreprise.api.gouv.fr")) {
                                problems.add("links." + link + " not rewritten to the gateway: " + gl.get(link));
                            }
                            el.put(link, suffix);
                            gl.put(link, suffix);
                        }
                    }
                }
                rewrittenLinks(e.get(field), g.get(field), problems);
            }
        } else if (expected != null && expected.isArray() && got != null && got.isArray()) {
            for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
                rewrittenLinks(expected.get(i), got.get(i), problems);
            }
        }
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The first scope of the operation's authorization (any one opens it; none needed when it lists none). */
    static String scopeOf(OperationDeclaration d) throws IOException {
        try (InputStream in = SandboxCasesThroughGatewayIT.class.getClassLoader()
                .getResourceAsStream("guichet/reference/authorizations.yml")) {
            JsonNode root = YAML.readTree(in);
            JsonNode scopes = root.findValue(d.authorization());
            if (scopes == null) {
                throw new IllegalStateException("No authorization for " + d.id() + " (" + d.authorization() + ")");
            }
            // An empty list opens the operation to every valid token: any scope of the catalogue will do.
            return scopes.isEmpty() ? "open_data" : scopes.get(0).asText();
        }
    }
}
