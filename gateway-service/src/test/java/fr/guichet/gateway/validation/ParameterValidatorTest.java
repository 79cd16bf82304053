package fr.guichet.gateway.validation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.catalogue.RouteCatalogue;
import fr.guichet.gateway.catalogue.RouteMatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterValidatorTest {

    static final RouteCatalogue CATALOGUE = new RouteCatalogue();
    static final ParameterValidator VALIDATOR = new ParameterValidator(
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/Paris")));
    static final String RECIPIENT = "13002526500013";

    static List<String> codes(String path, Map<String, List<String>> query) {
        RouteMatch m = CATALOGUE.match(path).orElseThrow();
        ApiException e = assertThrows(ApiException.class, () -> VALIDATOR.validate(m.route(), m.variables(), query));
        assertEquals(422, e.status());
        return e.errors().stream().map(ApiError::code).toList();
    }

    static Map<String, List<String>> query(String context, String object, String recipient) {
        Map<String, List<String>> q = new HashMap<>();
        if (context != null) {
            q.put("context", List.of(context));
        }
        if (object != null) {
            q.put("object", List.of(object));
        }
        if (recipient != null) {
            q.put("recipient", List.of(recipient));
        }
        return q;
    }

    @Test
    void missingTraceabilityParametersComeTogether() {
        assertEquals(List.of("00201", "00202", "00203"), codes("/v3/insee/sirene/unites_legales/418166096", query(null, null, null)));
        assertEquals(List.of("00202"), codes("/v3/insee/sirene/unites_legales/418166096", query("c", " ", RECIPIENT)));
    }

    @Test
    void recipientMustBeAValidSiret() {
        assertEquals(List.of("00210"), codes("/v3/insee/sirene/unites_legales/418166096", query("c", "o", "13002526500012")));
        assertEquals(List.of("00210"), codes("/v3/insee/sirene/unites_legales/418166096", query("c", "o", "abc")));
    }

    @Test
    void identifiersAreChecksummed() {
        assertEquals(List.of("00301"), codes("/v3/insee/sirene/unites_legales/418166097", query("c", "o", RECIPIENT)));
        assertEquals(List.of("00301"), codes("/v3/insee/sirene/unites_legales/41816609", query("c", "o", RECIPIENT)));
        assertEquals(List.of("00302"), codes("/v3/insee/sirene/etablissements/41816609600068", query("c", "o", RECIPIENT)));
        RouteMatch ok = CATALOGUE.match("/v3/insee/sirene/etablissements/41816609600069").orElseThrow();
        assertDoesNotThrow(() -> VALIDATOR.validate(ok.route(), ok.variables(), query("c", "o", RECIPIENT)));
    }

    /** The code for a path variable alone: the checks of identifiers do not depend on the route. */
    static String variableCode(String name, String value) {
        Route route = CATALOGUE.match("/v3/insee/sirene/unites_legales/418166096").orElseThrow().route();
        ApiException e = assertThrows(ApiException.class,
                () -> VALIDATOR.validate(route, Map.of(name, value), query("c", "o", RECIPIENT)));
        assertEquals(422, e.status());
        return e.errors().get(0).code();
    }

    static void variableAccepted(String name, String value) {
        Route route = CATALOGUE.match("/v3/insee/sirene/unites_legales/418166096").orElseThrow().route();
        assertDoesNotThrow(() -> VALIDATOR.validate(route, Map.of(name, value), query("c", "o", RECIPIENT)));
    }

    @Test
    void associationAndCustomsIdentifiersTakeEitherForm() {
        variableAccepted("siret_or_rna", "41816609600069");
        variableAccepted("siret_or_rna", "W751234567");
        assertEquals("00303", variableCode("siret_or_rna", "418166096"));
        variableAccepted("siren_or_rna", "418166096");
        variableAccepted("siren_or_rna", "W604004799");
        assertEquals("00333", variableCode("siren_or_rna", "41816609600069"));
        variableAccepted("siren_or_siret_or_rna", "418166096");
        variableAccepted("siren_or_siret_or_rna", "41816609600069");
        variableAccepted("siren_or_siret_or_rna", "W751234567");
        assertEquals("00330", variableCode("siren_or_siret_or_rna", "W75123456"));
        variableAccepted("siret_or_eori", "30613890001294");
        variableAccepted("siret_or_eori", "FR30613890001294");
        variableAccepted("siret_or_eori", "DE1234567890123");
        assertEquals("00304", variableCode("siret_or_eori", "FR30613890001295"));
        assertEquals("00304", variableCode("siret_or_eori", "00000000000001"));
    }

    @Test
    void laPosteSiretsSkipLuhn() {
        // 35600000010000 fails Luhn but passes La Poste's rule (digit sum multiple of 5).
        RouteMatch m = CATALOGUE.match("/v3/insee/sirene/etablissements/35600000010000").orElseThrow();
        assertDoesNotThrow(() -> VALIDATOR.validate(m.route(), m.variables(), query("c", "o", RECIPIENT)));
    }

    @Test
    void yearsAndMonthsInRange() {
        assertEquals(List.of("00307"), codes("/v3/dgfip/unites_legales/418166096/liasses_fiscales/20x3", query("c", "o", RECIPIENT)));
        assertEquals(List.of("00307"), codes("/v3/dgfip/unites_legales/418166096/liasses_fiscales/2031", query("c", "o", RECIPIENT)));
        assertEquals(List.of("00307"), codes("/v3/dgfip/unites_legales/418166096/liasses_fiscales/1899", query("c", "o", RECIPIENT)));
        assertEquals(List.of("00305"), codes("/v3/gip_mds/etablissements/41816609600069/effectifs_mensuels/13/annee/2024", query("c", "o", RECIPIENT)));
        assertEquals(List.of("00305"), codes("/v3/gip_mds/etablissements/41816609600069/effectifs_mensuels/12/annee/2026", query("c", "o", RECIPIENT)),
                "December 2026 is in the future on 25 November 2026");
        RouteMatch m = CATALOGUE.match("/v3/gip_mds/etablissements/41816609600069/effectifs_mensuels/02/annee/2024").orElseThrow();
        assertDoesNotThrow(() -> VALIDATOR.validate(m.route(), m.variables(), query("c", "o", RECIPIENT)));
    }

    @Test
    void oversizedParametersAre422() {
        String big = "x".repeat(ParameterValidator.MAX_TRACE_PARAMETER + 1);
        assertEquals(List.of("00201"), codes("/v3/insee/sirene/unites_legales/418166096", query(big, "o", RECIPIENT)));
        Map<String, List<String>> q = query("c", "o", RECIPIENT);
        q.put("filtre", List.of("y".repeat(ParameterValidator.MAX_PARAMETER + 1)));
        assertEquals(List.of("00251"), codes("/v3/insee/sirene/unites_legales/418166096", q));
        QueryParameters withToken = QueryParameters.parse("context=c&object=o&recipient=" + RECIPIENT + "&token=" + "j".repeat(900));
        RouteMatch m = CATALOGUE.match("/v3/insee/sirene/unites_legales/418166096").orElseThrow();
        assertDoesNotThrow(() -> VALIDATOR.validate(m.route(), m.variables(), withToken.values()), "?token= carries a long JWT");
    }

    @Test
    void theRecipientIsCheckedExactlyAsReceived() {
        // Padded with a line feed, CR LF or a space: not 14 ASCII digits, whatever a trim would say.
        for (String raw : List.of("13002526500013%0A", "13002526500013%0D%0A", "13002526500013%20", "%2013002526500013",
                "13002526500013+")) {
            QueryParameters q = QueryParameters.parse("context=c&object=o&recipient=" + raw);
            assertEquals(List.of("00210"), codes("/v3/insee/sirene/unites_legales/418166096", q.values()), raw);
        }
        // Full-width digits are digits to Unicode, not to API Entreprise.
        assertEquals(List.of("00210"), codes("/v3/insee/sirene/unites_legales/418166096",
                query("c", "o", "１３００２５２６５０００１３")));
    }

    @Test
    void aControlCharacterInAnyValueIs422() {
        QueryParameters nul = QueryParameters.parse("context=Audit%00x&object=o&recipient=" + RECIPIENT);
        assertEquals(List.of("00201"), codes("/v3/insee/sirene/unites_legales/418166096", nul.values()));
        QueryParameters crlf = QueryParameters.parse("context=c&object=o%0D%0Aforged&recipient=" + RECIPIENT);
        assertEquals(List.of("00202"), codes("/v3/insee/sirene/unites_legales/418166096", crlf.values()));
        QueryParameters other = QueryParameters.parse("context=c&object=o&recipient=" + RECIPIENT + "&nature_effectif=boeth%0A");
        assertEquals(List.of("00251"), codes("/v3/insee/sirene/unites_legales/418166096", other.values()));
    }

    @Test
    void aTraceParameterOfOnlyAControlCharacterIsSaidToHoldOneNotToBeMissing() {
        QueryParameters lineFeeds = QueryParameters.parse("context=%0A&object=%0D%0A&recipient=" + RECIPIENT);
        RouteMatch m = CATALOGUE.match("/v3/insee/sirene/unites_legales/418166096").orElseThrow();
        ApiException e = assertThrows(ApiException.class, () -> VALIDATOR.validate(m.route(), m.variables(), lineFeeds.values()));
        assertEquals(List.of("00201", "00202"), e.errors().stream().map(ApiError::code).toList());
        for (ApiError error : e.errors()) {
            assertTrue(error.detail().contains("caractère de contrôle"), error.detail());
        }
        // spaces only are still a missing value
        assertEquals(List.of("00201"), codes("/v3/insee/sirene/unites_legales/418166096", query("   ", "o", RECIPIENT)));
    }

    @Test
    void ensuFamiliesAndIdentifiersAreChecked() {
        codes("/v3/dgfip/ensu/inconnue/unites_legales/418166096/documents", query("c", "o", RECIPIENT));
        codes("/v3/dgfip/ensu/bancaires/usagers/ID%20SP/documents", query("c", "o", RECIPIENT));
        codes("/v3/dgfip/ensu/bancaires/documents/autre/ENSUA1", query("c", "o", RECIPIENT));
        assertEquals(List.of("00301"), codes("/v3/dgfip/ensu/bancaires/unites_legales/418166097/documents", query("c", "o", RECIPIENT)));
        RouteMatch m = CATALOGUE.match("/v3/dgfip/ensu/bancaires/usagers/SP000000000001/documents").orElseThrow();
        assertDoesNotThrow(() -> VALIDATOR.validate(m.route(), m.variables(), query("c", "o", RECIPIENT)));
    }

}
