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
    void theProvidersDeclareTheirOperations() {
        Set<String> providers = all.all().stream().map(OperationDeclaration::provider).collect(Collectors.toSet());
        // The first three, and every provider added since (deploy's ServicesListTest matches them to services.yml).
        assertTrue(providers.containsAll(Set.of("insee", "dgfip", "acoss", "social")), providers.toString());
        assertTrue(all.all().stream().allMatch(d -> !d.paths().isEmpty()));
        assertEquals(2, all.removed().size());
        assertEquals(500, all.extraThrottleGroups().get("ensu_documents_dgfip").limit());
    }

    /** One module, several upstreams: each operation keeps its upstream's prefix and meta.provider. */
    @Test
    void socialOperationsKeepTheirUpstreamsPrefix() {
        OperationDeclaration cnetp = all.resolve("/v3/cnetp/unites_legales/130025265/attestation_cotisations_conges_payes_chomage_intemperies")
                .orElseThrow().declaration();
        assertEquals("social", cnetp.provider());
        assertEquals(ProviderPrefix.CNETP, cnetp.errorPrefix());
        assertEquals("siren", cnetp.identifier());
        assertTrue(cnetp.document());
        OperationDeclaration msa = all.resolve("/v3/msa/etablissements/20005379100014/conformite_cotisations").orElseThrow().declaration();
        assertEquals(ProviderPrefix.MSA, msa.errorPrefix());
        assertEquals("MSA", msa.providerName());
        OperationDeclaration conventions = all.resolve(
                "/v3/fabrique_numerique_ministeres_sociaux/etablissements/30613890001294/conventions_collectives").orElseThrow().declaration();
        assertEquals(ProviderPrefix.FABRIQUE_NUMERIQUE, conventions.errorPrefix());
        assertEquals("Fabrique numérique des ministères sociaux", conventions.providerName());
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
