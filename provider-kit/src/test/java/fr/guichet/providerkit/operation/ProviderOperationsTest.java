package fr.guichet.providerkit.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.operation.OperationDeclarations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderOperationsTest {

    final ProviderOperations insee = new ProviderOperations("provider-insee", OperationDeclarations.standard());

    @Test
    void theProviderKeyIsTheServiceNameWithoutItsPrefix() {
        assertEquals("insee", insee.key());
        assertEquals(ProviderPrefix.INSEE, insee.errorPrefix());
        assertTrue(insee.all().stream().allMatch(d -> d.provider().equals("insee")));
    }

    @Test
    void theGatewaysOperationHeaderIsTrustedAndItsTemplateReadsTheVariables() {
        var resolved = insee.resolve("api_entreprise_v4_insee_unites_legales", "/v4/insee/sirene/unites_legales/552049447")
                .orElseThrow();
        assertEquals("api_entreprise_v4_insee_unites_legales", resolved.operationId());
        assertEquals(Map.of("siren", "552049447"), resolved.variables());
    }

    @Test
    void withoutTheHeaderThePathIsMatchedOnTheSameTemplates() {
        assertEquals("api_entreprise_v3_insee_unites_legales_diffusables",
                insee.resolve(null, "/v3/insee/sirene/unites_legales/diffusibles/552049447").orElseThrow().operationId());
        assertEquals("api_entreprise_v3_insee_sieges_unites_legales",
                insee.resolve("", "/v3/insee/sirene/unites_legales/552049447/siege_social").orElseThrow().operationId());
    }

    @Test
    void anotherProvidersOperationOrAPathOutsideTheNamedTemplateIsNotResolved() {
        assertTrue(insee.resolve("api_entreprise_v3_dgfip_chiffres_affaires", "/v3/dgfip/etablissements/41816609600069/chiffres_affaires").isEmpty());
        assertTrue(insee.resolve("api_entreprise_v3_insee_unites_legales", "/v3/insee/sirene/etablissements/41816609600069/adresse").isEmpty());
        assertTrue(insee.resolve(null, "/v3/dgfip/etablissements/41816609600069/chiffres_affaires").isEmpty());
    }

    @Test
    void selectingParametersLeaveOutTheTracingOnesAndReadArrays() {
        var resolved = insee.resolve(null, "/v3/insee/sirene/unites_legales/552049447").orElseThrow();
        OperationCall call = new OperationCall(resolved, Map.of("context", List.of("x"), "recipient", List.of("1"),
                "prenoms[]", List.of("A", "B")), null);
        assertEquals(Map.of("siren", List.of("552049447"), "prenoms", List.of("A", "B")), call.selectingParameters());
        assertEquals("552049447", call.identifier());
    }
}
