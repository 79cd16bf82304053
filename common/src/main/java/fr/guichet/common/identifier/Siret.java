package fr.guichet.common.identifier;

/**
 * SIRET: SIREN + 5-digit NIC, 14 digits, Luhn-checked. La Poste's establishments
 * (SIREN 356000000) may fail Luhn and follow another rule: the sum of the digits is a
 * multiple of 5.
 */
public final class Siret {

    private Siret() {
    }

    public static boolean isValid(String siret) {
        if (!Luhn.allDigits(siret, 14)) {
            return false;
        }
        return Luhn.isValid(siret) || (siret.startsWith(Siren.LA_POSTE) && laPosteChecksum(siret));
    }

    public static String siren(String siret) {
        return siret.substring(0, 9);
    }

    private static boolean laPosteChecksum(String siret) {
        int sum = 0;
        for (int i = 0; i < siret.length(); i++) {
            sum += siret.charAt(i) - '0';
        }
        return sum % 5 == 0;
    }
}
