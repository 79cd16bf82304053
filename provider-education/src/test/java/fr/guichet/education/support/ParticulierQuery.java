package fr.guichet.education.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query of an API Particulier call as the gateway forwards it: the wire names, the array
 * parameters repeated as {@code name[]=value}, and {@code recipient}, the one mandatory common
 * parameter.
 */
public final class ParticulierQuery {

    /** A SIRET of the sandbox (DINUM). */
    public static final String RECIPIENT = "13002526500013";

    /** The array parameters of openapi-particulier.yaml ({@code prenoms[]}...). */
    static final Set<String> ARRAYS = Set.of("prenoms", "codesBcnDepartements", "codesBcnRegions");

    private ParticulierQuery() {
    }

    /** The query of a call giving {@code values} (case-style names, {@code prenoms} without brackets). */
    public static Map<String, List<String>> of(Map<String, List<String>> values) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("recipient", List.of(RECIPIENT));
        values.forEach((name, list) -> query.put(ARRAYS.contains(name) ? name + "[]" : name, new ArrayList<>(list)));
        return query;
    }

    /** {@code name=value&...}, URL-encoded, for a call built by hand. */
    public static String encode(Map<String, List<String>> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((name, list) -> list.forEach(v -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        }));
        return out.toString();
    }
}
