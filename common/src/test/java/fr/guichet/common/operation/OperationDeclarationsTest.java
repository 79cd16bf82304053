package fr.guichet.common.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ProviderPrefix;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OperationDeclarationsTest {

    final OperationDeclarations all = OperationDeclarations.standard();

    @Test
    void everyProviderDeclaresItsOperationsInTheFileTheIndexLists() {
        Set<String> providers = all.all().stream().map(OperationDeclaration::provider).collect(Collectors.toSet());
        Set<String> files = fr.guichet.common.resource.ClassPathFiles.index(OperationDeclarations.ROOT).stream()
                .map(f -> f.replace(".yml", "")).collect(Collectors.toSet());
        assertTrue(providers.containsAll(Set.of("insee", "dgfip", "acoss")), providers.toString());
        assertTrue(files.containsAll(providers), files + " / " + providers);
        assertTrue(all.all().stream().allMatch(d -> !d.paths().isEmpty()));
        assertEquals(2, all.removed().size());
        assertEquals(500, all.extraThrottleGroups().get("ensu_documents_dgfip").limit());
    }

    @Test
    void versionsGetTheirOwnOperationIdsAndFileDefaultsApply() {
        OperationDeclaration ul = all.resolve("/v4/insee/sirene/unites_legales/552049447").orElseThrow().declaration();
        assertEquals("api_entreprise_v3_insee_unites_legales", ul.id());
        assertEquals(ProviderPrefix.INSEE, ul.errorPrefix());
        assertEquals("INSEE", ul.providerName());
        assertEquals("api_entreprise_v4_insee_unites_legales",
                all.resolve("/v4/insee/sirene/unites_legales/552049447").orElseThrow().operationId());
        OperationDeclaration effectifs = all.resolve("/v3/gip_mds/unites_legales/418166096/effectifs_annuels/2024")
                .orElseThrow().declaration();
        assertEquals(ProviderPrefix.GIP_MDS, effectifs.errorPrefix());
        assertEquals("GIP-MDS", effectifs.providerName());
    }

    /** The registers keep API Entreprise's prefix and meta.provider per upstream, not the file's. */
    @Test
    void theRegistersKeepEachUpstreamsPrefixAndName() {
        OperationDeclaration kbis = all.resolve("/v3/infogreffe/rcs/unites_legales/552049447/extrait_kbis").orElseThrow().declaration();
        assertEquals(ProviderPrefix.INFOGREFFE, kbis.errorPrefix());
        assertEquals("Infogreffe", kbis.providerName());
        OperationDeclaration actes = all.resolve("/v3/inpi/rne/unites_legales/open_data/552049447/actes_bilans").orElseThrow().declaration();
        assertEquals("api_entreprise_v3_inpi_rne_actes_bilans", actes.id());
        assertEquals(ProviderPrefix.INPI_RNE, actes.errorPrefix());
        assertEquals("INPI - RNE", actes.providerName());
        assertTrue(actes.document());
        OperationDeclaration rnm = all.resolve("/v3/cma_france/rnm/unites_legales/552049447").orElseThrow().declaration();
        assertEquals(ProviderPrefix.CMA_FRANCE, rnm.errorPrefix());
        assertEquals("CMA France", rnm.providerName());
        assertEquals("registers", rnm.provider());
    }

    @Test
    void literalSegmentsWinOverVariables() {
        var resolved = all.resolve("/v3/insee/sirene/unites_legales/diffusibles/552049447").orElseThrow();
        assertEquals("api_entreprise_v3_insee_unites_legales_diffusables", resolved.operationId());
        assertEquals(Map.of("siren", "552049447"), resolved.variables());
    }

    @Test
    void aTemplateExpandsBackToThePathItMatches() {
        PathTemplate t = new PathTemplate("/v3/gip_mds/etablissements/{siret}/effectifs_mensuels/{month}/annee/{year}");
        String path = t.expand(Map.of("siret", "41816609600069", "month", "02", "year", "2024"));
        assertEquals("/v3/gip_mds/etablissements/41816609600069/effectifs_mensuels/02/annee/2024", path);
        assertEquals(Map.of("siret", "41816609600069", "month", "02", "year", "2024"), t.match(path).orElseThrow());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> t.expand(Map.of("siret", "1")));
    }

    @Test
    void aProvidersViewHoldsOnlyItsOperations() {
        OperationDeclarations insee = all.forProvider("insee");
        assertTrue(insee.resolve("/v3/dgfip/etablissements/41816609600069/chiffres_affaires").isEmpty());
        assertEquals("INSEE Sirene", insee.documentation("insee").tag());
        assertFalse(insee.documentation("insee").responses().isEmpty());
    }
}
