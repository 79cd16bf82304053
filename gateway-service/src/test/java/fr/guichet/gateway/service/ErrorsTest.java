package fr.guichet.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.catalogue.RouteCatalogue;
import fr.guichet.gateway.config.PlatformUrls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The errors that send a partner somewhere name this platform's pages, from configuration. */
class ErrorsTest {

    static final PlatformUrls URLS = new PlatformUrls("https://api.guichet.test/", Optional.empty(),
            "https://partenaires.guichet.test", "https://partenaires.guichet.test/habilitations",
            "https://partenaires.guichet.test/aide", Optional.of("support@guichet.test"), "Support Guichet");

    @Test
    void missingScopeNamesTheScopesThatOpenTheRouteAndOurPrivilegesRoute() {
        Route route = new RouteCatalogue().byOperation("api_entreprise_v3_dgfip_attestations_fiscales").orElseThrow();
        ApiException e = Errors.missingScope(URLS, route.requiredScopes(Map.of()));
        ApiError error = e.errors().get(0);
        assertEquals(403, e.status());
        assertEquals("00100", error.code());
        assertEquals(List.copyOf(new java.util.TreeSet<>(route.scopes())), error.meta().get("missing_scopes"));
        assertFalse(((List<?>) error.meta().get("missing_scopes")).isEmpty());
        assertEquals("https://api.guichet.test/privileges", error.meta().get("privileges_url"));
        assertTrue(error.detail().contains("https://api.guichet.test/privileges"), error.detail());
        // errors.yml's detail names /v2/privileges, which this gateway does not serve (404).
        assertFalse(error.detail().contains("/v2/privileges"), error.detail());
        route.scopes().forEach(s -> assertTrue(error.detail().contains(s), error.detail()));
    }

    @Test
    void missingScopeOfAFamilyRouteNamesTheFamilyScope() {
        Route ensu = new RouteCatalogue().byOperation("api_entreprise_v3_dgfip_ensu_documents_unites_legales").orElseThrow();
        ApiError error = Errors.missingScope(URLS, ensu.requiredScopes(Map.of("famille", "bancaires", "siren", "552049447")))
                .errors().get(0);
        assertEquals(List.of("ensu_documents_bancaires_dgfip"), error.meta().get("missing_scopes"));
    }

    @Test
    void withoutPublicBaseUrlThePrivilegesRouteIsRelative() {
        PlatformUrls relative = new PlatformUrls("", Optional.empty(), "http://localhost:8081",
                "http://localhost:8081/habilitations", "http://localhost:8081", Optional.empty(), "Support Guichet");
        assertEquals("/privileges", Errors.missingScope(relative, Set.of("a")).errors().get(0).meta().get("privileges_url"));
    }

    @Test
    void tokenErrorsPointToThisPlatformNeverToApiEntreprise() {
        assertPointsTo(Errors.expiredToken(URLS), "00103", "https://partenaires.guichet.test/habilitations");
        assertPointsTo(Errors.revokedToken(URLS), "00105", "https://partenaires.guichet.test");
        assertPointsTo(Errors.unknownToken(URLS), "00106", "https://partenaires.guichet.test");
    }

    private static void assertPointsTo(ApiException e, String code, String url) {
        ApiError error = e.errors().get(0);
        assertEquals(401, e.status());
        assertEquals(code, error.code());
        assertTrue(error.detail().contains(url), error.detail());
        assertFalse(error.detail().contains("entreprise.api.gouv.fr"), error.detail());
        assertFalse(error.detail().contains("guichet.example"), error.detail());
    }
}
