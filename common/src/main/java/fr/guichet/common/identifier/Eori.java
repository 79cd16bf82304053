package fr.guichet.common.identifier;

import java.util.regex.Pattern;

/**
 * EORI number (Economic Operators Registration and Identification, EU customs): a French one is
 * {@code FR} followed by the operator's SIRET (which must then be valid); another member state's
 * starts with its two-letter country code. Source: API Entreprise's format rule for the
 * {@code siret_or_eori} parameter of the customs route.
 */
public final class Eori {

    private static final Pattern FOREIGN = Pattern.compile("[A-Z]{2}[A-Za-z0-9]{1,15}");

    private Eori() {
    }

    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        if (value.startsWith("FR")) {
            return Siret.isValid(value.substring(2));
        }
        return FOREIGN.matcher(value).matches();
    }
}
