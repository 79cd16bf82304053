package fr.guichet.token.habilitation;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Syntax check of the e-mail addresses people give Guichet (contacts of a habilitation, magic-link
 * requests). Cheap for any input: the length is bounded first, then Jakarta Mail's address scanner
 * (one pass over the characters, no regular expression) parses what is left.
 *
 * <p>Accepted: a bare {@code local@domain} address (no display name, comment, group or list),
 * at most {@link #MAX_LENGTH} characters with a local part of at most {@link #MAX_LOCAL_LENGTH}
 * (RFC 5321 §4.5.3.1 and its erratum 1690), a domain name holding a dot (no address literal).
 */
public final class EmailAddresses {

    /** Longest address a mail path can carry (RFC 5321, erratum 1690): 254 characters. */
    public static final int MAX_LENGTH = 254;
    /** Longest local part (RFC 5321 §4.5.3.1.1): 64 characters. */
    public static final int MAX_LOCAL_LENGTH = 64;

    private EmailAddresses() {
    }

    /** Whether {@code value} (surrounding blanks ignored) is an acceptable address. */
    public static boolean isValid(String value) {
        if (value == null || value.length() > MAX_LENGTH + 2) {
            return false;
        }
        String address = value.strip();
        if (address.isEmpty() || address.length() > MAX_LENGTH) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at < 1 || at > MAX_LOCAL_LENGTH) {
            return false;
        }
        String domain = address.substring(at + 1);
        if (domain.indexOf('.') < 0 || domain.startsWith("[")) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            // A display name, comment or route would be dropped by the parser: only the bare address passes.
            return parsed.getPersonal() == null && address.equals(parsed.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }
}
