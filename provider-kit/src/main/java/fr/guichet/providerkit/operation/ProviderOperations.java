package fr.guichet.providerkit.operation;

import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This provider's operations, as declared in {@code common}'s {@code guichet/operations/<key>.yml}
 * (the file the gateway's route catalogue reads too). The provider key is the service name
 * without {@code provider-}: {@code quarkus.application.name=provider-insee} → {@code insee}.
 */
@Singleton
public class ProviderOperations {

    /** Request header with the operation id the gateway resolved. */
    public static final String OPERATION_HEADER = "X-Guichet-Operation";

    private final String key;
    private final OperationDeclarations declarations;

    @Inject
    public ProviderOperations(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this(applicationName, OperationDeclarations.standard());
    }

    ProviderOperations(String applicationName, OperationDeclarations all) {
        this.key = applicationName.startsWith("provider-") ? applicationName.substring("provider-".length()) : applicationName;
        this.declarations = all.forProvider(key);
    }

    /** The provider key ({@code insee}). */
    public String key() {
        return key;
    }

    public List<OperationDeclaration> all() {
        return declarations.all();
    }

    public OperationDeclarations declarations() {
        return declarations;
    }

    /** The provider's own error prefix (its first operation's): the {@code XX} of {@code XX999}. */
    public ProviderPrefix errorPrefix() {
        return declarations.all().isEmpty() ? ProviderPrefix.PLATFORM : declarations.all().get(0).errorPrefix();
    }

    /**
     * The operation of a call: the one the gateway named in {@link #OPERATION_HEADER}, its path
     * variables read with the declared template; without the header (a provider's own tests call
     * it directly), the declared template that fits the path. Empty when neither names one of
     * this provider's operations, or when the path does not fit the named operation's template.
     */
    public Optional<OperationDeclarations.Resolved> resolve(String operationHeader, String path) {
        if (operationHeader == null || operationHeader.isBlank()) {
            return declarations.resolve(path);
        }
        return declarations.resolve(operationHeader.strip(), path)
                .filter(r -> r.variables().size() == r.path().template().variables().size());
    }
}
