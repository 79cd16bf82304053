package fr.guichet.gateway.catalogue;

import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.gateway.config.GatewayConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * The route catalogue of the shipped declarations overlaid with this module's API Particulier
 * test declarations ({@value #ROOT}: real operation ids, paths and contracts). Enabled as a CDI
 * alternative by the test profiles that serve Particulier routes.
 */
@Alternative
@Priority(1)
@Singleton
public class ParticulierRoutes extends RouteCatalogue {

    public static final String ROOT = "guichet/operations-particulier-test/";
    public static final List<String> ROOTS = List.of(OperationDeclarations.ROOT, ROOT);

    @Inject
    public ParticulierRoutes(GatewayConfig config) {
        super(OperationDeclarations.load(ROOTS), config.limits().groups());
    }

    /** The same catalogue outside CDI. */
    public static RouteCatalogue catalogue() {
        return new RouteCatalogue(OperationDeclarations.load(ROOTS), Map.of());
    }

    /** The route of an operation id of the overlay. */
    public static Route route(String operationId) {
        return catalogue().byOperation(operationId).orElseThrow();
    }
}
