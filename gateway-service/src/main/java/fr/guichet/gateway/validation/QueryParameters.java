package fr.guichet.gateway.validation;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.service.Errors;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one parsing of a call's query string. The values it yields are the ones the gateway
 * checks, traces and forwards (re-encoded), so that what is checked is what is used.
 *
 * <p>Rules, in order:
 * <ul>
 *   <li>at most {@link #MAX_PARAMETERS} parameters (the trace's own limit), else 400 {@code 00250};</li>
 *   <li>names and values are percent-decoded as UTF-8 ({@code +} is a space, as in HTML forms),
 *       raw bytes beyond ASCII too (the query is read as the HTTP codec gives it: one char per
 *       byte); a malformed escape, bytes that are not UTF-8 (escaped or raw: {@code %FF}, a raw
 *       0xFF), an empty name or a control character in a name is a 400 {@code 00250};</li>
 *   <li>a name is given once, except names ending with {@code []} (lists such as
 *       {@code prenoms[]}); a repeated {@code context}, {@code object} or {@code recipient} is a
 *       422 with that parameter's code ({@code 00201}, {@code 00202}, {@code 00210}), any other
 *       repeated name a 422 {@code 00251};</li>
 *   <li>the parameter whose decoded name is {@code token} is the credential: it is recognised
 *       however its name is encoded ({@code %74oken}) and never part of {@link #values()} or
 *       of {@link #forwardable()}.</li>
 * </ul>
 * Values are kept exactly as decoded: nothing is trimmed.
 */
public final class QueryParameters {

    /** Most parameters a call may carry (trace-service stores at most 64 per event). */
    public static final int MAX_PARAMETERS = 64;
    /** The query parameter carrying the API token (API Entreprise accepts {@code ?token=}). */
    public static final String TOKEN = "token";
    private static final QueryParameters EMPTY = new QueryParameters(Map.of(), null);

    private final Map<String, List<String>> values;
    private final String token;

    private QueryParameters(Map<String, List<String>> values, String token) {
        this.values = values;
        this.token = token;
    }

    /** No parameter at all. */
    public static QueryParameters empty() {
        return EMPTY;
    }

    /**
     * Parses a raw query string (without {@code ?}, as received: one char per byte of the request
     * line, as the HTTP codec reads it).
     *
     * @throws ApiException 400 {@code 00250} for an unreadable query, 422 for a repeated name
     */
    public static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        String token = null;
        boolean tokenSeen = false;
        int count = 0;
        for (String part : rawQuery.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMETERS) {
                throw Errors.malformedQuery("La requête comporte trop de paramètres (au plus " + MAX_PARAMETERS + ").");
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            if (name.isEmpty()) {
                throw Errors.malformedQuery("La requête comporte un paramètre sans nom.");
            }
            if (hasControl(name)) {
                throw Errors.malformedQuery("Un nom de paramètre contient un caractère de contrôle.");
            }
            if (TOKEN.equals(name)) {
                if (tokenSeen) {
                    throw repeated(name);
                }
                tokenSeen = true;
                token = value;
                continue;
            }
            List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>(1));
            if (!list.isEmpty() && !name.endsWith("[]")) {
                throw repeated(name);
            }
            list.add(value);
        }
        values.replaceAll((k, v) -> List.copyOf(v));
        return new QueryParameters(Collections.unmodifiableMap(values), token);
    }

    /**
     * Parameters built by the gateway itself (API Particulier: the declared parameters of the call
     * and a FranceConnect identity), forwarded as {@link #forwardable()}; no token.
     */
    public static QueryParameters of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new QueryParameters(Collections.unmodifiableMap(copy), null);
    }

    /** Every parameter but the token, in the order received, values as decoded. */
    public Map<String, List<String>> values() {
        return values;
    }

    /** The single value of {@code name}, or null when absent. */
    public String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The {@code token} parameter's value, or null. */
    public String token() {
        return token;
    }

    /**
     * The query forwarded to providers: the same decoded values, re-encoded (RFC 3986 unreserved
     * characters kept, everything else percent-encoded as UTF-8), without the token; empty when
     * nothing is left.
     */
    public String forwardable() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> p : values.entrySet()) {
            for (String value : p.getValue()) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                encode(out, p.getKey());
                out.append('=');
                encode(out, value);
            }
        }
        return out.toString();
    }

    /** True when {@code s} holds a control character (C0, DEL or C1). */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.getType(s.charAt(i)) == Character.CONTROL) {
                return true;
            }
        }
        return false;
    }

    private static ApiException repeated(String name) {
        String detail = "Le paramètre " + abbreviate(name) + " doit être fourni une seule fois.";
        ApiError error = switch (name) {
            case "context" -> Errors.of("00201").withDetail(detail);
            case "object" -> Errors.of("00202").withDetail(detail);
            case "recipient" -> Errors.of("00210").withDetail(detail);
            default -> Errors.invalidParameter(name, detail);
        };
        return new ApiException(422, error);
    }

    /** The value of an ASCII hexadecimal digit (RFC 3986, section 2.1), else -1: {@code Character.digit} takes any script's digits. */
    private static int hexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    /**
     * Percent-decodes {@code raw} as UTF-8. The HTTP codec (Netty) gives each byte of the request
     * line as one char (ISO-8859-1), so a char from U+0080 to U+00FF is a raw byte sent outside
     * any escape (RFC 3986 allows none): it is decoded with its neighbours as UTF-8, like an
     * escaped byte, never taken as a Latin-1 letter; bytes that are not UTF-8 are a 400.
     */
    private static String decode(String raw) {
        if (isPlain(raw)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw Errors.malformedQuery("La requête comporte un encodage « % » incomplet.");
                }
                int hi = hexDigit(raw.charAt(i + 1));
                int lo = hexDigit(raw.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw Errors.malformedQuery("La requête comporte un encodage « % » invalide.");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c <= 0xFF) {
                bytes.write(c);
            } else {
                // Not a byte from the wire: a value built in the gateway, taken as the character it is.
                int cp = raw.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw Errors.malformedQuery("La requête n'est pas encodée en UTF-8.");
        }
    }

    /**
     * Refuses a path whose raw bytes beyond ASCII (sent outside any escape, each given by the HTTP
     * codec as one char from U+0080 to U+00FF) are not UTF-8: 400 {@code 00250}, as for the same
     * bytes in the query, rather than a path that matches a route with an identifier of Latin-1
     * letters (422). Escapes are left to the route's own checks.
     *
     * @throws fr.guichet.common.error.ApiException 400 {@code 00250}
     */
    public static void requireUtf8Path(String rawPath) {
        int first = -1;
        for (int i = 0; i < rawPath.length() && first < 0; i++) {
            if (rawPath.charAt(i) >= 0x80) {
                first = i;
            }
        }
        if (first < 0) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = first; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c >= 0x80 && c <= 0xFF) {
                bytes.write(c);
            } else {
                // an ASCII char ends a run of raw bytes: each run must be UTF-8 by itself
                bytes.write(' ');
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
            throw Errors.malformedPath("Le chemin de la requête n'est pas encodé en UTF-8.");
        }
    }

    /** True when {@code raw} has neither escape, {@code +} nor byte beyond ASCII: it is its own decoding. */
    private static boolean isPlain(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' || c == '+' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void encode(StringBuilder out, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
