package fr.guichet.providerkit.operation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.operation.OperationDeclaration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit tells an API Particulier operation by its declared {@code api}, as the gateway does,
 * never by the look of its id.
 */
class ApiKindsTest {

    static OperationDeclaration declared(String id, String api) {
        return new OperationDeclaration(id, "kittest", ProviderPrefix.CNAV, "CNAV", null, null, null, null, null,
                false, false, List.of(), api, false, Map.of());
    }

    @Test
    void anOperationDeclaredParticulierIsOneWhateverItsId() {
        assertTrue(ApiKinds.particulier(declared("kittest_personnes", OperationDeclaration.PARTICULIER)));
    }

    @Test
    void anOperationDeclaredEntrepriseIsNotOneEvenWithAParticulierLookingId() {
        assertFalse(ApiKinds.particulier(declared("api_particulier_v3_kittest_exemple", OperationDeclaration.ENTREPRISE)));
        assertFalse(ApiKinds.particulier(declared("api_particulier_v3_kittest_exemple", null)));
    }
}
