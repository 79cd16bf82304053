package fr.guichet.testing.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.sandbox.SandboxCatalogue;
import fr.guichet.testing.ServiceCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed sandbox catalogue (common's JSON resource and docs/sandbox-catalogue.md) is what
 * the providers' sandbox cases generate today. With {@code -Dguichet.sandbox-catalogue.write=true}
 * ({@code bin/sandbox-catalogue}) it rewrites both files instead.
 */
class SandboxCatalogueSyncTest {

    static final Path ROOT = ServiceCatalog.repositoryRoot();

    @Test
    void committedCatalogueIsWhatTheSandboxCasesGenerate() throws IOException {
        if (Boolean.getBoolean("guichet.sandbox-catalogue.write")) {
            SandboxCatalogueGenerator.write(ROOT);
        }
        SandboxCatalogue generated = SandboxCatalogueGenerator.generate(ROOT);
        String hint = " differs from what the sandbox cases generate: run " + SandboxCatalogueGenerator.COMMAND
                + " and commit the result";
        assertEquals(SandboxCatalogueGenerator.json(generated),
                Files.readString(ROOT.resolve(SandboxCatalogueGenerator.JSON_FILE), StandardCharsets.UTF_8),
                SandboxCatalogueGenerator.JSON_FILE + hint);
        assertEquals(SandboxCatalogueGenerator.markdown(generated),
                Files.readString(ROOT.resolve(SandboxCatalogueGenerator.MARKDOWN), StandardCharsets.UTF_8),
                SandboxCatalogueGenerator.MARKDOWN + hint);
    }

    @Test
    void theShippedCatalogueReadsBackAsWhatWasGenerated() throws IOException {
        // The gateway serves SandboxCatalogue.load(): the optional fields of API Particulier's entries
        // (query_lists, france_connect_token) must survive the JSON round trip, and be absent elsewhere.
        SandboxCatalogue generated = SandboxCatalogueGenerator.generate(ROOT);
        SandboxCatalogue read = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(SandboxCatalogueGenerator.json(generated), SandboxCatalogue.class);
        assertEquals(generated, read);
        SandboxCatalogue.Entry particulier = new SandboxCatalogue.Entry("200", 200, "GET", "/v3/dss/quotient_familial/france_connect",
                java.util.Map.of("annee", "2024"), java.util.Map.of("prenoms[]", java.util.List.of("A", "B")), "cnaf_qfv2", "Succès");
        SandboxCatalogue one = new SandboxCatalogue(java.util.List.of(new SandboxCatalogue.Operation("id", "cnav", "Titre",
                java.util.List.of(particulier, new SandboxCatalogue.Entry("404", 404, "GET", "/v3/x", java.util.Map.of(), "Erreur")))));
        String json = SandboxCatalogueGenerator.json(one);
        assertEquals(one, new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, SandboxCatalogue.class));
        assertEquals(1, json.split("query_lists", -1).length - 1, json);
        assertEquals(1, json.split("france_connect_token", -1).length - 1, json);
    }

    @Test
    void everyProviderOfServicesYmlHasACaseThatSucceeds() throws IOException {
        SandboxCatalogue catalogue = SandboxCatalogueGenerator.generate(ROOT);
        Set<String> withSuccess = catalogue.operations().stream()
                .filter(o -> o.cases().stream().anyMatch(c -> c.status() == 200))
                .map(SandboxCatalogue.Operation::provider).collect(Collectors.toSet());
        Set<String> providers = ServiceCatalog.read(ROOT.resolve("services.yml")).providers().stream()
                .map(ServiceCatalog.Descriptor::provider).collect(Collectors.toSet());
        assertEquals(providers, withSuccess, "providers without a 200 case in the catalogue");
    }

    @Test
    void entriesFillEveryPathParameterAndKeepOnlyCaseParametersInTheQuery() throws IOException {
        for (SandboxCatalogue.Operation o : SandboxCatalogueGenerator.generate(ROOT).operations()) {
            assertFalse(o.cases().isEmpty(), o.operationId());
            assertFalse(o.title().startsWith("api_entreprise"), o.operationId() + " has no French title");
            for (SandboxCatalogue.Entry e : o.cases()) {
                assertFalse(e.path().contains("{"), o.operationId() + " " + e.caseName() + ": " + e.path());
                assertTrue(e.path().startsWith("/v"), e.path());
                assertFalse(e.query().keySet().stream().anyMatch(Set.of("context", "object", "recipient")::contains), e.toString());
                assertFalse(e.summary().isBlank(), e.toString());
            }
        }
    }
}
