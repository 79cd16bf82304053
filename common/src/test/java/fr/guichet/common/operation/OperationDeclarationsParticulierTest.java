package fr.guichet.common.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ProviderPrefix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API Particulier's keys of the declarations: api (file, then operation), france_connect, masks, v4-only ids, overlays. */
class OperationDeclarationsParticulierTest {

    static final String ROOT = "guichet/operations-overlay-test/";
    final OperationDeclarations declarations = OperationDeclarations.load(ROOT);

    private OperationDeclaration byId(OperationDeclarations d, String id) {
        return d.all().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theFileDeclaresTheApiAndAnOperationOverridesIt() {
        assertEquals(OperationDeclaration.PARTICULIER,
                byId(declarations, "api_particulier_v3_cnav_quotient_familial_with_civility").api());
        assertEquals(OperationDeclaration.ENTREPRISE,
                byId(declarations, "api_entreprise_v3_urssaf_attestation_vigilance").api());
        OperationDeclaration civique = byId(declarations, "api_particulier_v3_gip_mds_service_civique_with_civility");
        assertTrue(civique.particulier());
        assertEquals(ProviderPrefix.GIP_MDS, civique.errorPrefix());
        assertEquals("acoss", civique.provider());
    }

    @Test
    void franceConnectAndMasksAreRead() {
        OperationDeclaration qf = byId(declarations, "api_particulier_v3_cnav_quotient_familial_with_civility");
        assertFalse(qf.franceConnect());
        assertEquals(Map.of("/data/quotient_familial", List.of("cnaf_quotient_familial"),
                "/data/allocataires", List.of("cnaf_allocataires")), qf.masks());
        OperationDeclaration fc = byId(declarations, "api_particulier_v3_cnav_quotient_familial_with_france_connect");
        assertTrue(fc.franceConnect());
        assertEquals(Map.of(), fc.masks());
    }

    @Test
    void aV4OnlyOperationKeepsItsIdOnItsOnePath() {
        var resolved = declarations.resolve("/v4/overlay_test/only/ine").orElseThrow();
        assertEquals("api_particulier_v4_overlay_test_only_with_ine", resolved.operationId());
        assertEquals("v4", resolved.path().version());
        assertEquals(1, resolved.declaration().paths().size());
    }

    @Test
    void entrepriseDeclarationsDefaultToEntrepriseWithoutMasks() {
        OperationDeclarations standard = OperationDeclarations.standard();
        OperationDeclaration ul = standard.resolve("/v3/insee/sirene/unites_legales/552049447").orElseThrow().declaration();
        assertEquals(OperationDeclaration.ENTREPRISE, ul.api());
        assertFalse(ul.franceConnect());
        assertTrue(ul.masks().isEmpty());
    }

    @Test
    void aLaterRootReplacesAnOperationOfTheSameId() {
        OperationDeclarations overlay = OperationDeclarations.load(List.of(OperationDeclarations.ROOT, ROOT));
        OperationDeclaration vigilance = byId(overlay, "api_entreprise_v3_urssaf_attestation_vigilance");
        assertEquals(1, vigilance.paths().size());
        assertEquals(1, overlay.all().stream().filter(o -> o.id().equals(vigilance.id())).count());
        assertTrue(overlay.resolve("/v3/insee/sirene/unites_legales/552049447").isPresent());
        assertTrue(overlay.resolve("/v3/dss/quotient_familial/identite").isPresent());
    }
}
