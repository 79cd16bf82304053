package fr.guichet.common.identifier;

import java.util.regex.Pattern;

/**
 * Identifier of an association in the Répertoire national des associations (RNA): {@code W}
 * followed by a digit, a digit or capital letter and seven digits ({@code W751004076}), or the
 * older form of Alsace-Moselle's registers ({@code 0} + three digits + {@code 00} + four digits).
 * Source: API Entreprise's format rule for RNA identifiers.
 */
public final class RnaId {

    private static final Pattern RNA = Pattern.compile("W\\d[A-Z0-9]\\d{7}|0\\d{3}00\\d{4}");

    private RnaId() {
    }

    public static boolean isValid(String value) {
        return value != null && RNA.matcher(value).matches();
    }
}
