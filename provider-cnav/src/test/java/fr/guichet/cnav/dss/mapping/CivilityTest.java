package fr.guichet.cnav.dss.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The civility CNAV receives, by the rules of the reference's {@code CNAV::MakeRequest}. */
class CivilityTest {

    @Test
    void namesAreTransliteratedAndFirstNamesJoined() {
        Civility civility = Civility.from(Map.of("nomNaissance", List.of("LEFÈBVRE-ŒUVRE"), "nomUsage", List.of("Gérôme"),
                "prenoms[]", List.of("Zoé", "Anaïs"), "anneeDateNaissance", List.of("1982"), "moisDateNaissance", List.of("2"),
                "jourDateNaissance", List.of("7"), "sexeEtatCivil", List.of("f"), "codeCogInseePaysNaissance", List.of("99100"),
                "codeCogInseeCommuneNaissance", List.of("08480")));
        assertEquals(Map.of("nomUsage", "Gerome", "nomNaissance", "LEFEBVRE-OEUVRE", "listePrenoms", "Zoe Anais",
                "dateNaissance", "1982-02-07", "codeLieuNaissance", "08480", "codePaysNaissance", "99100", "genre", "F"),
                civility.upstreamQuery());
    }

    @Test
    void anUnknownMonthOrYearZeroesWhatFollowsAndAForeignBirthSendsNoCommune() {
        Civility civility = Civility.from(Map.of("nomNaissance", List.of("DUPONT"), "prenoms[]", List.of("JEAN"),
                "anneeDateNaissance", List.of("1990"), "jourDateNaissance", List.of("12"), "sexeEtatCivil", List.of("M"),
                "codeCogInseePaysNaissance", List.of("99134"), "codeCogInseeCommuneNaissance", List.of("75056")));
        assertEquals("1990-00-00", civility.dateNaissance());
        assertFalse(civility.upstreamQuery().containsKey("codeLieuNaissance"));
        assertEquals("0000-00-00", Civility.from(Map.of("moisDateNaissance", List.of("5"))).dateNaissance());
    }

    @Test
    void itsTextShowsNoPersonalData() {
        Civility civility = Civility.from(Map.of("nomNaissance", List.of("DUPONT"), "prenoms[]", List.of("JEAN")));
        assertFalse(civility.toString().contains("DUPONT") || civility.toString().contains("JEAN"));
    }
}
