package fr.guichet.gateway.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.catalogue.RouteCatalogue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The document partners read at {@code /openapi} (and through {@code /swagger-ui}), fetched from
 * the running gateway: a valid OpenAPI 3 document (swagger-parser) whose references all resolve,
 * whose every data route carries its security and scopes, whose tags are the catalogue's groups,
 * and which names this platform's contact and pages (from configuration), never API Entreprise's.
 */
@QuarkusTest
@TestProfile(OpenApiDocumentTest.PublicPages.class)
class OpenApiDocumentTest {

    static final String BASE = "https://api.guichet.test";

    /** The platform's public URL and support contact, as an operator sets them. */
    public static class PublicPages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.gateway.public-base-url", BASE,
                    "guichet.gateway.public.support-email", "support@guichet.test",
                    "guichet.gateway.public.support-url", "https://guichet.test/aide");
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    /** The served catalogue: the shipped declarations and this module's API Particulier ones. */
    @jakarta.inject.Inject
    RouteCatalogue catalogue;
    private String served;
    private JsonNode document;

    @BeforeEach
    void fetch() throws IOException {
        served = given().when().get("/openapi").then().statusCode(200).extract().asString();
        document = mapper.readTree(served);
    }

    @Test
    void isAValidOpenApi3DocumentWhoseReferencesAllResolve() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served, null, options);
        assertNotNull(result.getOpenAPI(), "not an OpenAPI document: " + result.getMessages());
        assertEquals(List.of(), result.getMessages(), "swagger-parser's findings");

        // The parser tolerates a reference to a missing component (Swagger UI then shows "any"):
        // every local $ref is followed here.
        List<String> dangling = new ArrayList<>();
        refs(document, new LinkedHashSet<>()).forEach(ref -> {
            if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
                dangling.add(ref);
            }
        });
        assertEquals(List.of(), dangling, "unresolved $ref");
        // The ENSU routes' "famille" path parameter is a component reference.
        JsonNode famille = parameter("/v3/dgfip/ensu/{famille}/unites_legales/{siren}/documents", "famille");
        assertEquals("declaratives", famille.path("schema").path("enum").path(0).asText());
    }

    @Test
    void everyDataRouteRequiresTheBearerTokenAndNamesItsScopes() {
        List<String> problems = new ArrayList<>();
        assertTrue(catalogue.routes().stream().anyMatch(Route::particulier), "API Particulier routes are checked too");
        for (Route route : catalogue.routes()) {
            JsonNode operation = document.path("paths").path(route.template()).path("get");
            if (operation.isMissingNode()) {
                problems.add(route.template() + ": not described");
                continue;
            }
            if (!hasBearer(operation)) {
                problems.add(route.template() + ": no bearer security");
            }
            List<String> scopes = new ArrayList<>();
            operation.path("x-scopes").forEach(s -> scopes.add(s.asText()));
            if (route.scopeTemplate() == null) {
                if (!scopes.equals(List.copyOf(new TreeSet<>(route.scopes())))) {
                    problems.add(route.template() + ": x-scopes " + scopes + " instead of " + route.scopes());
                }
            } else if (scopes.isEmpty() || scopes.stream().anyMatch(s -> s.contains("{"))
                    || !scopes.contains(route.requiredScopes(Map.of("famille", "bancaires")).iterator().next())) {
                problems.add(route.template() + ": x-scopes " + scopes + " do not expand " + route.scopeTemplate());
            }
            // An empty list is authorizations.yml's decision for a few routes (every valid token):
            // the description must then say so. Otherwise at least one scope.
            boolean open = route.scopeTemplate() == null && route.scopes().isEmpty();
            if (scopes.isEmpty() != open) {
                problems.add(route.template() + ": x-scopes empty but the route needs a scope");
            }
            // Swagger UI renders descriptions as Markdown and drops what looks like an HTML tag
            // ("ensu_documents_<famille>_dgfip" showed as "ensu_documents__dgfip"): each scope
            // must survive that.
            String rendered = operation.path("description").asText().replaceAll("<[^>]*>", "");
            scopes.stream().filter(s -> !rendered.contains(s)).forEach(s -> problems.add(route.template() + ": description lacks " + s));
            if (open && !rendered.contains("tout jeton valide")) {
                problems.add(route.template() + ": description does not say that every token opens it");
            }
        }
        assertTrue(hasBearer(document.path("paths").path("/privileges").path("get")), "/privileges without security");
        assertEquals(List.of(), problems);
        assertFalse(served.contains("ensu_documents__dgfip"));
        assertFalse(served.contains("ensu_documents_<famille>"));
    }

    @Test
    void tagsAreTheCatalogueGroupsInUseWithoutDefaultOrAccentlessDuplicate() {
        Set<String> declared = new LinkedHashSet<>();
        document.path("tags").forEach(t -> declared.add(t.path("name").asText()));
        Set<String> used = new HashSet<>();
        List<String> problems = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            if (!op.getValue().path("tags").isArray() || op.getValue().path("tags").isEmpty()) {
                problems.add(op.getKey() + " " + p.getKey() + ": no tag (Swagger UI's \"default\" group)");
            }
            op.getValue().path("tags").forEach(t -> used.add(t.asText()));
        }));
        assertEquals(List.of(), problems);
        assertEquals(declared, new LinkedHashSet<>(declared.stream().filter(used::contains).toList()), "empty groups");
        assertTrue(declared.containsAll(used), "undeclared tags: " + used);
        assertFalse(declared.contains("default"));
        Set<String> folded = new HashSet<>();
        declared.forEach(t -> assertTrue(folded.add(fold(t)), "two tags differing only by accents: " + t));
        assertTrue(declared.contains("Informations générales"));
        // API Particulier's operations keep the official document's tags.
        assertEquals("Quotient familial CAF & MSA", document.path("paths").path("/v3/dss/quotient_familial/identite")
                .path("get").path("tags").path(0).asText());
        assertFalse(declared.contains("Propriété intellectuelle"), "no served route in this group");
    }

    @Test
    void contactSamplesAndErrorExamplesNameThisPlatform() {
        JsonNode contact = document.path("info").path("contact");
        assertEquals("support@guichet.test", contact.path("email").asText());
        assertEquals("https://guichet.test/aide", contact.path("url").asText());
        assertEquals("Support Guichet", contact.path("name").asText());
        assertTrue(document.path("info").path("termsOfService").isMissingNode());
        assertEquals(BASE, document.path("servers").path(0).path("url").asText());
        // API Entreprise's support, account page, FAQ and code-sample host; /v2/privileges is a 404 here.
        for (String foreign : List.of("support@entreprise.api.gouv.fr", "https://entreprise.api.gouv.fr/compte",
                "https://entreprise.api.gouv.fr/faq", "https://entreprise.api.gouv.fr/demander_un_acces",
                "--url \\\"https://entreprise.api.gouv.fr", "/v2/privileges")) {
            assertFalse(served.contains(foreign), "the document still names " + foreign);
        }
        JsonNode sample = document.path("paths").path("/v4/insee/sirene/unites_legales/{siren}").path("get")
                .path("x-codeSamples").path(0).path("source");
        assertTrue(sample.asText().contains("\"" + BASE + "/v4/insee/sirene/unites_legales/"), sample.asText());
        // The 403 example of a route is what the gateway answers for it: its scopes, our /privileges.
        JsonNode forbidden = document.path("paths").path("/v4/dgfip/unites_legales/{siren}/attestation_fiscale").path("get")
                .path("responses").path("403").path("content").path("application/json").path("examples");
        JsonNode error = forbidden.elements().next().path("value").path("errors").path(0);
        assertEquals("00100", error.path("code").asText());
        assertEquals(BASE + "/privileges", error.path("meta").path("privileges_url").asText());
        assertFalse(error.path("meta").path("missing_scopes").isEmpty());
    }

    /** The sample routes partners copy (README, docs, launcher) are not the deprecated ones. */
    @Test
    void noSampleCallUsesADeprecatedRoute() throws IOException {
        List<Pattern> deprecated = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(p -> {
            if (p.getValue().path("get").path("deprecated").asBoolean(false)) {
                deprecated.add(templatePattern(p.getKey()));
            }
        });
        assertFalse(deprecated.isEmpty(), "the official document marks v3 routes superseded by v4 as deprecated");
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("gateway-service/README.md"),
                root.resolve("bin/guichet")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).forEach(files::add);
        }
        List<String> found = new ArrayList<>();
        Pattern call = Pattern.compile("(?:https?://[^/\\s\"']+|\\$\\{?[A-Za-z_]+}?)(/v[34]/[^?\"'\\s]+)");
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = call.matcher(lines.get(i));
                while (m.find()) {
                    String path = m.group(1);
                    if (deprecated.stream().anyMatch(d -> d.matcher(path).matches())) {
                        found.add(root.relativize(file) + ":" + (i + 1) + " " + path);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "sample calls on deprecated routes (use the v4 path)");
    }

    /** A path template as a pattern: each {variable} one segment. */
    private static Pattern templatePattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{[^}]+}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
            last = m.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(template.substring(last))).toString());
    }

    private static boolean hasBearer(JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            if (requirement.has(OpenApiDocument.SECURITY_SCHEME)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parameter(String path, String name) {
        for (JsonNode p : document.path("paths").path(path).path("get").path("parameters")) {
            JsonNode resolved = p.has("$ref") ? document.at(p.get("$ref").asText().substring(1)) : p;
            if (name.equals(resolved.path("name").asText())) {
                return resolved;
            }
        }
        throw new AssertionError(path + ": no parameter " + name);
    }

    private static Set<String> refs(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if ("$ref".equals(f.getKey()) && f.getValue().isTextual()) {
                    into.add(f.getValue().asText());
                } else {
                    refs(f.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> refs(n, into));
        }
        return into;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
