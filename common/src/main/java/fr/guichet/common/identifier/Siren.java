package fr.guichet.common.identifier;

/** SIREN: the 9-digit identifier of a legal unit (unité légale), Luhn-checked. */
public final class Siren {

    /** La Poste's SIREN: its establishments' SIRETs do not follow Luhn. */
    public static final String LA_POSTE = "356000000";

    private Siren() {
    }

    public static boolean isValid(String siren) {
        return Luhn.allDigits(siren, 9) && Luhn.isValid(siren);
    }
}
