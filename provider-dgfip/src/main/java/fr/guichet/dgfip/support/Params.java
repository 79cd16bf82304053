package fr.guichet.dgfip.support;

import fr.guichet.dgfip.error.DgfipErrors;
import java.time.Clock;
import java.time.Year;

/**
 * Format checks of path parameters. The gateway already checks checksums (Luhn) and mandatory
 * parameters; the adapter only refuses what it cannot send upstream.
 */
public final class Params {

    private Params() {
    }

    public static String siren(String siren) {
        if (siren == null || !siren.matches("\\d{9}")) {
            throw DgfipErrors.unprocessable("00301", null, "siren");
        }
        return siren;
    }

    public static String siret(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            throw DgfipErrors.unprocessable("00302", null, "siret");
        }
        return siret;
    }

    /** Fiscal year: four digits, from 2006 (first dematerialised liasses) to the current year. */
    public static int year(String year, Clock clock) {
        if (year == null || !year.matches("\\d{4}")) {
            throw DgfipErrors.unprocessable("00307", null, "year");
        }
        int value = Integer.parseInt(year);
        if (value < 2006 || value > Year.now(clock).getValue()) {
            throw DgfipErrors.unprocessable("00315",
                    "L'année n'est pas valide : elle doit être comprise entre 2006 et l'année en cours", "year");
        }
        return value;
    }
}
