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
