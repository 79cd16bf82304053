package fr.guichet.providerkit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The provider kit's settings, beside {@code common}'s {@code ProviderConfig} under the same
 * {@code guichet.provider} prefix (mode, public base URL).
 */
@ConfigMapping(prefix = "guichet.provider")
public interface KitConfig {

    /**
     * Re-check the identifiers of a call (SIREN, SIRET: 422 00301/00302) although the gateway
     * checked them already. Off in production, where the gateway is the only caller; on in a
     * provider's own tests, which call it directly.
     */
    @WithDefault("false")
    boolean checkIdentifiers();

    /**
     * Class-path folders of the sandbox cases, each with its {@code index.txt}; a later folder's
     * cases win ties over an earlier one's (Guichet's own cases after the copied official ones).
     */
    @WithDefault("sandbox/")
    List<String> sandboxRoots();

    /**
     * Lifetime of the sample documents a sandbox case serves through the gateway's
     * {@code /proxy/files} ({@link fr.guichet.providerkit.sandbox.SandboxDocuments}).
     */
    @WithDefault("PT24H")
    Duration sandboxDocumentTtl();

    /**
     * Names of the fields, at any depth of a sandbox case, whose value links a sample document
     * ({@code document_url} in most of API Entreprise's cases; INPI's actes et bilans use {@code url}).
     */
    @WithDefault("document_url")
    List<String> sandboxDocumentFields();

    /** Daily maintenance windows of the upstream, Europe/Paris ({@code 01:00-02:00}): 503 with Retry-After. */
    Optional<List<String>> maintenanceWindows();
}
