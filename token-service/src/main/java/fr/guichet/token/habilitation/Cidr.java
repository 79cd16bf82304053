package fr.guichet.token.habilitation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates and normalises an IP allow-list entry ({@code 192.0.2.0/24}, {@code 2001:db8::/32}, or one address). */
public final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9a-fA-F:.]+$");

    private Cidr() {
    }

    /** The normalised CIDR, or empty when {@code value} is not one. Never resolves a host name. */
    public static Optional<String> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        String address = v;
        Integer prefix = null;
        int slash = v.indexOf('/');
        if (slash >= 0) {
            address = v.substring(0, slash);
            String p = v.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
        }
        if (IPV4.matcher(address).matches()) {
            int bits = prefix == null ? 32 : prefix;
            return bits <= 32 ? Optional.of(address + "/" + bits) : Optional.empty();
        }
        if (address.contains(":") && IPV6_CHARS.matcher(address).matches()) {
            try {
                // A literal containing ':' is parsed, never looked up.
                InetAddress parsed = InetAddress.getByName(address);
                int bits = prefix == null ? 128 : prefix;
                if (parsed.getAddress().length != 16 || bits > 128) {
                    return Optional.empty();
                }
                return Optional.of(parsed.getHostAddress() + "/" + bits);
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
