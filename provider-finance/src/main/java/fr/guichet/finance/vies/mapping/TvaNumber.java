package fr.guichet.finance.vies.mapping;

/**
 * The French intra-community VAT number of a SIREN: {@code FR}, a two-digit key
 * {@code (12 + 3 × (SIREN mod 97)) mod 97}, the SIREN (the DGFIP's rule, as API Entreprise's
 * TVAIntracommunautaire computes it).
 */
public final class TvaNumber {

    private TvaNumber() {
    }

    /** {@code FR} + key + SIREN, e.g. {@code FR27552032534} for {@code 552032534}. */
    public static String of(String siren) {
        long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
        return "FR" + (key < 10 ? "0" : "") + key + siren;
    }

    /** The API Entreprise v3 body ({@code /v3/european_commission/unites_legales/{siren}/numero_tva}). */
    public static String body(String tvaNumber) {
        return "{\"data\":{\"tva_number\":\"" + tvaNumber + "\"},\"links\":{},\"meta\":{}}";
    }
}
