package fr.guichet.gateway.franceconnect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * FranceConnect's {@code token_introspection} claim (check-token answer, FranceConnect v2): whether
 * the access token is active, the partner's client id ({@code aud}), the token's end, its scopes and
 * the end user's identity.
 *
 * @param exp epoch seconds; 0 when absent
 * @param preferredUsername the end user's usage name ({@code preferred_username}), or null when FranceConnect has none
 */
record Introspection(boolean active, String aud, long exp, List<String> scopes, String givenName,
                     List<String> givenNameArray, String familyName, String birthdate, String gender,
                     String birthplace, String birthcountry, String preferredUsername) {

    /** Reads the {@code token_introspection} object; missing members become null/empty, never an exception. */
    static Introspection of(JsonNode introspection) {
        List<String> scopes = new ArrayList<>();
        for (String scope : text(introspection, "scope", "").trim().split("\\s+")) {
            if (!scope.isEmpty()) {
                scopes.add(scope);
            }
        }
        List<String> given = new ArrayList<>();
        introspection.path("given_name_array").forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                given.add(n.asText().trim());
            }
        });
        return new Introspection(introspection.path("active").asBoolean(false), text(introspection, "aud", null),
                introspection.path("exp").asLong(0), List.copyOf(scopes), text(introspection, "given_name", null),
                List.copyOf(given), text(introspection, "family_name", null), text(introspection, "birthdate", null),
                text(introspection, "gender", null), text(introspection, "birthplace", null),
                text(introspection, "birthcountry", null), text(introspection, "preferred_username", null));
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? otherwise : value.asText().trim();
    }

    /** Never the identity. */
    @Override
    public String toString() {
        return "Introspection[active=" + active + ", aud=" + aud + ", exp=" + exp + "]";
    }
}
