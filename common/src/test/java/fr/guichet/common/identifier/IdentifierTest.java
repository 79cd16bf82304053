package fr.guichet.common.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"418166096", "552049447", "775672272", "356000000", "130025265"})
    void acceptsRealSirens(String siren) {
        assertTrue(Siren.isValid(siren));
    }

    @ParameterizedTest
    @ValueSource(strings = {"418166097", "41816609", "4181660960", "41816609A", "", " 18166096"})
    void refusesBadSirens(String siren) {
        assertFalse(Siren.isValid(siren));
    }

    @Test
    void refusesNullIdentifiers() {
        assertFalse(Siren.isValid(null));
        assertFalse(Siret.isValid(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13002526500013", "41816609600069", "77567227221138", "55204944776279"})
    void acceptsRealSirets(String siret) {
        assertTrue(Siret.isValid(siret));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13002526500014", "1300252650001", "130025265000130", "1300252650001X"})
    void refusesBadSirets(String siret) {
        assertFalse(Siret.isValid(siret));
    }

    @Test
    void laPosteSiretsSkipLuhnButKeepTheirOwnRule() {
        // Fails Luhn, digit sum 15: accepted for La Poste only.
        assertTrue(Siret.isValid("35600000000010"));
        // Passes Luhn: La Poste SIRETs that follow Luhn stay valid.
        assertTrue(Siret.isValid("35600000000048"));
        // Neither rule holds.
        assertFalse(Siret.isValid("35600000000011"));
        // Outside La Poste, the digit-sum rule is no excuse.
        assertFalse(Siret.isValid("41816609600004"));
    }

    @Test
    void sirenOfSiret() {
        assertEquals("418166096", Siret.siren("41816609600069"));
    }
    @ParameterizedTest
    @ValueSource(strings = {"W751234567", "W604004799", "W9A1000123", "0673001234"})
    void acceptsRnaIdentifiersOfBothForms(String rna) {
        assertTrue(RnaId.isValid(rna));
    }

    @ParameterizedTest
    @ValueSource(strings = {"w751234567", "W75123456", "W7512345678", "X751234567", "0673011234", "389486242"})
    void refusesMalformedRnaIdentifiers(String rna) {
        assertFalse(RnaId.isValid(rna));
    }

    @Test
    void frenchEorisCarryAValidSiretOthersACountryCode() {
        assertTrue(Eori.isValid("FR30613890001294"));
        assertFalse(Eori.isValid("FR30613890001295"), "the SIRET inside a French EORI is Luhn-checked");
        assertTrue(Eori.isValid("DE1234567890123"));
        assertFalse(Eori.isValid("de1234567890123"));
        assertFalse(Eori.isValid("30613890001294"), "a bare SIRET is no EORI");
        assertFalse(Eori.isValid("DE12345678901234567"), "at most 17 characters");
    }
}
