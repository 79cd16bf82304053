package fr.guichet.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorCatalogueTest {

    private final ErrorCatalogue catalogue = ErrorCatalogue.standard();

    @Test
    void platformCodeCarriesTitleDetailAndSource() {
        ApiError e = catalogue.error("00101");
        assertEquals("Interdit", e.title());
        assertEquals("Votre token n'est pas valide ou n'est pas renseigné", e.detail());
        assertEquals(Map.of("parameter", "token"), e.source());
        assertTrue(e.meta().isEmpty());
    }

    @Test
    void detailPerApiKindPicksApiEntreprise() {
        assertTrue(catalogue.error("00103").detail().contains("API Entreprise"));
    }

    @Test
    void placeholdersAreFilled() {
        ApiError e = ErrorCatalogue.load(Map.of("dashboard_url", "https://x.test/compte")).error("00105");
        assertTrue(e.detail().endsWith("https://x.test/compte"), e.detail());
    }

    @Test
    void aSentenceWhosePlaceholderIsNotGivenIsLeftOutRatherThanPointingToAPlaceholder() {
        String detail = ErrorCatalogue.standard().error("00105").detail();
        assertEquals("Votre jeton est sur liste noire, celui-ci a certainement été divulgué sur un canal non-sécurisé.",
                detail);
    }

    @Test
    void providerSubcodesTakeTheProviderPrefix() {
        ApiError e = catalogue.providerError(ProviderPrefix.INSEE, "002");
        assertEquals("01002", e.code());
        assertEquals("Intermédiaire hors-délai", e.title());
        assertEquals("03020", catalogue.error("03020").code());
    }

    @Test
    void titleStandsInForAMissingDetail() {
        assertEquals("Ressource non trouvée", catalogue.providerError(ProviderPrefix.INSEE, "003").detail());
    }

    @Test
    void unknownCodesAreRefused() {
        assertFalse(catalogue.knows("99999x"));
        assertThrows(IllegalArgumentException.class, () -> catalogue.error("0010"));
    }

    @Test
    void metaCanBeExtendedWithoutTouchingTheOriginal() {
        ApiError base = catalogue.providerError(ProviderPrefix.DGFIP, "020");
        ApiError withRetry = base.withMeta("retry_in", 3600);
        assertEquals(3600, withRetry.meta().get("retry_in"));
        assertTrue(base.meta().isEmpty());
    }
}
