package fr.guichet.providerkit.operation;

import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.providerkit.config.KitConfig;
import fr.guichet.providerkit.maintenance.NoMaintenance;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.providerkit.sandbox.SandboxMisses;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sandbox-mode provider over the kit's test declarations ({@code kit-test/operations}) and
 * cases ({@code kit-test/sandbox}: API Particulier cases copied from the official sandbox, and
 * one API Entreprise operation), without a CDI container.
 */
final class KitTestProvider {

    static final String ROOT = "kit-test/sandbox/";

    final ProviderOperations operations = new ProviderOperations("provider-kittest",
            OperationDeclarations.load("kit-test/operations/"));
    final ProviderConfig config = new ProviderConfig() {
        @Override
        public Mode mode() {
            return Mode.SANDBOX;
        }

        @Override
        public String publicBaseUrl() {
            return "http://localhost:8080";
        }
    };
    final KitConfig kit = new KitConfig() {
        @Override
        public boolean checkIdentifiers() {
            return false;
        }

        @Override
        public List<String> sandboxRoots() {
            return List.of(ROOT);
        }

        @Override
        public Duration sandboxDocumentTtl() {
            return Duration.ofHours(24);
        }

        @Override
        public List<String> sandboxDocumentFields() {
            return List.of("document_url");
        }

        @Override
        public Optional<List<String>> maintenanceWindows() {
            return Optional.empty();
        }
    };
    final SandboxEngine engine = new SandboxEngine(config, kit);
    final OperationResource resource;

    KitTestProvider(OperationHandler... handlers) {
        resource = new OperationResource(operations, config, kit, engine, NoMaintenance.windows(),
                null, new SandboxMisses(config), List.of(handlers));
    }

    /** The answer to {@code GET path?query}, the query given as name/value pairs in order. */
    ProviderAnswer get(String path, String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        OperationDeclarations.Resolved resolved = operations.resolve(null, path).orElseThrow();
        return resource.answer(new OperationCall(resolved, query, null));
    }

    /** The same call's raw query string, as it reaches the provider. */
    static String queryString(String... pairs) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            q.append(q.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return q.toString();
    }
}
