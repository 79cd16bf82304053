package fr.guichet.gateway.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** CIDR allow-lists of habilitations ({@code allowed_ips}); empty list = any address. */
public final class IpAllowList {

    private IpAllowList() {
    }

    public static boolean allows(List<String> cidrs, String ip) {
        if (cidrs == null || cidrs.isEmpty()) {
            return true;
        }
        byte[] address = parse(ip);
        if (address == null) {
            return false;
        }
        for (String cidr : cidrs) {
            if (matches(cidr.trim(), address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String cidr, byte[] address) {
        int slash = cidr.indexOf('/');
        byte[] network = parse(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network == null) {
            return false;
        }
        if (network.length != address.length) {
            // IPv4-mapped IPv6 callers match IPv4 ranges.
            address = unmapped(address);
            if (address == null || network.length != address.length) {
                return false;
            }
        }
        int bits;
        try {
            bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > network.length * 8) {
            return false;
        }
        for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((network[i] & mask) != (address[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] unmapped(byte[] address) {
        if (address.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (address[i] != 0) {
                    return null;
                }
            }
            if ((address[10] & 0xFF) == 0xFF && (address[11] & 0xFF) == 0xFF) {
                return new byte[] {address[12], address[13], address[14], address[15]};
            }
        }
        return null;
    }

    /** Literal addresses only: never a DNS lookup. */
    private static byte[] parse(String literal) {
        if (literal == null || literal.isEmpty()) {
            return null;
        }
        String s = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9a-fA-F:.%a-zA-Z0-9]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
