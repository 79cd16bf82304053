package fr.guichet.insee.sirene.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StandardisationTest {

    @Test
    void spacesAreTrimmedAndCollapsedButCaseAndPunctuationKept() {
        assertEquals("BUSINESS &DECISION CONSULTING", Standardisation.text("  BUSINESS   &DECISION\tCONSULTING "));
        assertEquals("Chissey-en-Morvan", Standardisation.text("Chissey-en-Morvan"));
        assertNull(Standardisation.text("   "));
        assertNull(Standardisation.text(null));
    }

    @Test
    void codesAreUpperCased() {
        assertEquals("F", Standardisation.code(" f "));
        assertEquals("46.49Z", Standardisation.code("46.49z"));
    }

    @Test
    void datesBecomeEpochSecondsAtMidnightInFrance() {
        assertEquals(220921200L, Standardisation.epochSeconds("1977-01-01"), "winter time, UTC+1");
        assertEquals(1085349600L, Standardisation.epochSeconds("2004-05-24"), "summer time, UTC+2");
        assertEquals(1661759114L, Standardisation.epochSeconds("2022-08-29T09:45:14"));
        assertNull(Standardisation.epochSeconds("not a date"));
        assertEquals("2021-10-15", Standardisation.isoDate("2021-10-15T00:00:00"));
    }

    @Test
    void flags() {
        assertEquals(Boolean.TRUE, Standardisation.flag("O"));
        assertEquals(Boolean.FALSE, Standardisation.flag("N"));
        assertNull(Standardisation.flag(null));
    }

    @Test
    void nomenclatures() {
        assertEquals("Transport ferroviaire interurbain de voyageurs", Nomenclatures.activityLabel("49.10Z", "NAFRev2"));
        assertEquals("non référencé", Nomenclatures.activityLabel("99.99Q", "NAFRev2"));
        assertEquals("ancienne révision NAF (NAF1993) non supportée", Nomenclatures.activityLabel("70.2C", "NAF1993"));
        assertEquals("non référencé", Nomenclatures.legalCategoryLabel("0000"));
        assertEquals("ALLÉE", Nomenclatures.streetType("ALL"));
        assertEquals("bis", Nomenclatures.repetitionIndex("B"));
        assertEquals("10 000 salariés et plus", Nomenclatures.headcountBand("53")[2]);
    }
}
