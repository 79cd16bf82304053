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

    @BeforeAll
    static void load() {
        catalogue = new RouteCatalogue();
    }

    /** Every INSEE, DGFIP, URSSAF and GIP-MDS path of the official OpenAPI is served, under its operation id. */
    @Test
    void coversEveryOfficialPathOfTheThreeProviders() throws Exception {
        JsonNode openapi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("guichet/reference/openapi-entreprise.yaml")) {
            openapi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> expected = new ArrayList<>();
        openapi.path("paths").fields().forEachRemaining(p -> {
            if (p.getKey().matches("/v[34]/(insee/sirene|dgfip|urssaf|gip_mds)/.*")) {
                expected.add(p.getKey() + " " + p.getValue().path("get").path("responses").path("200").path("x-operationId").asText());
            }
        });
        assertEquals(24, expected.size(), "official paths of INSEE, DGFIP, URSSAF and GIP-MDS");
        Set<String> served = catalogue.routes().stream().map(r -> r.template() + " " + r.operationId()).collect(Collectors.toSet());
        for (String e : expected) {
            assertTrue(served.contains(e), "not served: " + e);
        }
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
