package fr.guichet.gateway.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.error.ProviderPrefix;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RouteCatalogueTest {

    static RouteCatalogue catalogue;

    /** The operations API Entreprise publishes sandbox cases for (its payloads/ folder, one per operation). */
    static final Set<String> SANDBOX_OPERATIONS = Set.of(
            "api_entreprise_v3_acoss_attestations_sociales",
            "api_entreprise_v3_ademe_certificats_rge",
            "api_entreprise_v3_banque_de_france_bilans_entreprise",
            "api_entreprise_v3_carif_oref_certifications_qualiopi_france_competences",
            "api_entreprise_v3_cibtp_attestation_cotisations_conges_payes_chomage_intemperies",
            "api_entreprise_v3_cnetp_attestation_cotisations_conges_payes_chomage_intemperies",
            "api_entreprise_v3_data_subvention_subventions",
            "api_entreprise_v3_dgddi_eori",
            "api_entreprise_v3_dgfip_attestations_fiscales",
            "api_entreprise_v3_dgfip_chiffres_affaires",
            "api_entreprise_v3_dgfip_liasses_fiscales",
            "api_entreprise_v3_dgfip_liens_capitalistiques",
            "api_entreprise_v3_european_commission_vies",
            "api_entreprise_v3_fabrique_numerique_ministeres_sociaux_conventions_collectives",
            "api_entreprise_v3_fntp_carte_professionnelle_travaux_publics",
            "api_entreprise_v3_gip_mds_effectifs_annuels_entreprise",
            "api_entreprise_v3_gip_mds_effectifs_mensuels_etablissement",
            "api_entreprise_v3_infogreffe_extraits_rcs",
            "api_entreprise_v3_infogreffe_mandataires_sociaux",
            "api_entreprise_v3_inpi_rne_actes_bilans",
            "api_entreprise_v3_inpi_rne_beneficiaires_effectifs",
            "api_entreprise_v3_inpi_rne_extrait_rne",
            "api_entreprise_v3_insee_adresses_etablissements",
            "api_entreprise_v3_insee_adresses_etablissements_diffusables",
            "api_entreprise_v3_insee_etablissements",
            "api_entreprise_v3_insee_etablissements_diffusables",
            "api_entreprise_v3_insee_sieges_diffusables_unites_legales",
            "api_entreprise_v3_insee_sieges_unites_legales",
            "api_entreprise_v3_insee_successions",
            "api_entreprise_v3_insee_unites_legales",
            "api_entreprise_v3_insee_unites_legales_diffusables",
            "api_entreprise_v3_mi_associations",
            "api_entreprise_v3_mi_documents_associations",
            "api_entreprise_v3_msa_conformites_cotisations",
            "api_entreprise_v3_opqibi_certifications_ingenierie",
            "api_entreprise_v3_probtp_attestations_cotisation_retraite",
            "api_entreprise_v3_probtp_conformites_cotisations_retraite",
            "api_entreprise_v3_qualibat_certifications_batiment",
            "api_entreprise_v3_qualifelec_certificats",
            "api_entreprise_v3_rnm_entreprises_artisanales",
            "api_entreprise_v4_acoss_attestations_sociales",
            "api_entreprise_v4_dgfip_attestations_fiscales",
            "api_entreprise_v4_insee_etablissements",
            "api_entreprise_v4_insee_etablissements_diffusables",
            "api_entreprise_v4_insee_sieges_diffusables_unites_legales",
            "api_entreprise_v4_insee_sieges_unites_legales",
            "api_entreprise_v4_insee_unites_legales",
            "api_entreprise_v4_insee_unites_legales_diffusables",
            "api_entreprise_v4_mi_unites_legales",
            "api_entreprise_v4_mi_unites_legales_open_data",
            "api_entreprise_v4_qualibat_certifications_batiment");


    @BeforeAll
    static void load() {
        catalogue = new RouteCatalogue();
    }

    /**
     * Every path of the official OpenAPI whose operation has API Entreprise sandbox cases (the 51
     * operations of the catalogue: INSEE, DGFIP, URSSAF, GIP-MDS and the registers, associations,
     * finance, certification and social conformity upstreams) is served, under its operation id.
     */
    @Test
    void coversEveryOfficialOperationThatHasSandboxCases() throws Exception {
        JsonNode openapi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("guichet/reference/openapi-entreprise.yaml")) {
            openapi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Set<String> withCases = SANDBOX_OPERATIONS;
        List<String> expected = new ArrayList<>();
        openapi.path("paths").fields().forEachRemaining(p -> {
            String id = p.getValue().path("get").path("responses").path("200").path("x-operationId").asText();
            if (withCases.contains(id)) {
                expected.add(p.getKey() + " " + id);
            }
        });
        assertEquals(51, expected.size(), "official paths whose operation has sandbox cases");
        Set<String> served = catalogue.routes().stream().map(r -> r.template() + " " + r.operationId()).collect(Collectors.toSet());
        List<String> missing = expected.stream().filter(e -> !served.contains(e)).toList();
        assertTrue(missing.isEmpty(), "not served: " + missing);
    }

    @Test
    void anEmptyScopeListOpensTheRouteToEveryValidTokenAnyOtherNeedsOneOfItsScopes() {
        Route open = new Route("op", "op", "v3", "/v3/x/{siren}", "x", ProviderPrefix.PLATFORM, Set.of(), null,
                null, "siren", false, false, List.of("siren"));
        assertTrue(open.opensWith(Set.of(), Map.of("siren", "418166096")));
        Route ul = catalogue.byOperation("api_entreprise_v3_insee_unites_legales").orElseThrow();
        assertTrue(ul.opensWith(Set.of("open_data", "entreprises"), Map.of()));
        assertFalse(ul.opensWith(Set.of("open_data"), Map.of()));
        assertFalse(ul.opensWith(Set.of(), Map.of()));
    }

    @Test
    void scopesComeFromAuthorizationsAndQuotasFromThrottle() {
        Route ul = catalogue.byOperation("api_entreprise_v3_insee_unites_legales").orElseThrow();
        assertEquals(Set.of("entreprises", "unites_legales_etablissements_insee"), ul.scopes());
        assertEquals(new Route.Throttle("json_resources_entreprise", "json_resources_entreprise", 250, 60), ul.throttle());
        assertEquals("insee", ul.provider());
        assertEquals(ProviderPrefix.INSEE, ul.errorPrefix());

        Route v4 = catalogue.byOperation("api_entreprise_v4_insee_unites_legales").orElseThrow();
        assertEquals("/v4/insee/sirene/unites_legales/{siren}", v4.template());
        assertEquals(ul.throttle(), v4.throttle(), "v3 and v4 share one quota");

        Route attestation = catalogue.byOperation("api_entreprise_v3_dgfip_attestations_fiscales").orElseThrow();
        assertEquals(5, attestation.throttle().limit());
        assertEquals("high_latency_documents:api_entreprise_v3_dgfip_attestations_fiscales", attestation.throttle().key(),
                "by_single_endpoint groups count per operation");
        assertTrue(attestation.document());

        Route effectifs = catalogue.byOperation("api_entreprise_v3_gip_mds_effectifs_mensuels_etablissement").orElseThrow();
        assertEquals(ProviderPrefix.GIP_MDS, effectifs.errorPrefix());
        assertEquals("acoss", effectifs.provider());
        assertEquals(50, effectifs.throttle().limit());
        assertEquals(Set.of("effectifs_urssaf"), effectifs.scopes());
    }

    @Test
    void ensuRoutesHaveAScopePerFamilyAndTheirOwnQuota() {
        RouteMatch m = catalogue.match("/v3/dgfip/ensu/bancaires/unites_legales/418166096/documents").orElseThrow();
        assertEquals("api_entreprise_v3_dgfip_ensu_documents_unites_legales", m.route().operationId());
        assertEquals(Set.of("ensu_documents_bancaires_dgfip"), m.route().requiredScopes(m.variables()));
        assertEquals(500, m.route().throttle().limit());
        assertTrue(m.route().clientCertificate());
        RouteMatch doc = catalogue.match("/v3/dgfip/ensu/paiements/documents/idensua/ENSUA000000000000001").orElseThrow();
        assertEquals(Map.of("famille", "paiements", "type", "idensua", "document", "ENSUA000000000000001"), doc.variables());
        assertEquals("api_entreprise_v3_dgfip_ensu_documents_usagers",
                catalogue.match("/v3/dgfip/ensu/declaratives/usagers/SP000000000001/documents").orElseThrow().route().operationId());
    }

    @Test
    void literalSegmentsWinOverVariables() {
        assertEquals("api_entreprise_v3_insee_unites_legales_diffusables",
                catalogue.match("/v3/insee/sirene/unites_legales/diffusibles/418166096").orElseThrow().route().operationId());
        assertEquals("api_entreprise_v3_insee_sieges_unites_legales",
                catalogue.match("/v3/insee/sirene/unites_legales/418166096/siege_social").orElseThrow().route().operationId());
        RouteMatch m = catalogue.match("/v3/gip_mds/etablissements/41816609600069/effectifs_mensuels/02/annee/2024").orElseThrow();
        assertEquals(Map.of("siret", "41816609600069", "month", "02", "year", "2024"), m.variables());
    }

    @Test
    void operatorsCanOverrideAGroupLimit() {
        RouteCatalogue tuned = new RouteCatalogue(Map.of("ensu_documents_dgfip", 800, "json_resources_entreprise", 1000));
        assertEquals(800, tuned.byOperation("api_entreprise_v3_dgfip_ensu_document").orElseThrow().throttle().limit());
        assertEquals(1000, tuned.byOperation("api_entreprise_v4_insee_etablissements").orElseThrow().throttle().limit());
        assertEquals(5, tuned.byOperation("api_entreprise_v3_dgfip_attestations_fiscales").orElseThrow().throttle().limit());
    }

    @Test
    void unknownAndRemovedPaths() {
        assertTrue(catalogue.match("/v3/insee/sirene/unites_legales").isEmpty());
        assertTrue(catalogue.match("/v3/insee/sirene/unites_legales/418166096/extra").isEmpty());
        assertTrue(catalogue.isRemoved("/v3/gip_mds/unites_legales/418166096/effectifs_mensuels/01/annee/2024"));
        assertFalse(catalogue.isRemoved("/v3/insee/sirene/unites_legales/418166096"));
    }
}
