package fr.guichet.gateway.franceconnect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end user's FranceConnect identity as the civility query parameters a provider's civility
 * route takes (docs/internal-contracts.md, "FranceConnect routes"; the reference maps them the
 * same way in its FranceConnectable concern): {@code prenoms[]} (one per {@code given_name_array}
 * entry, else {@code given_name} split on spaces), {@code nomNaissance}, {@code nomUsage} when
 * FranceConnect gives a {@code preferred_username} (the reference's {@code nom_usage}), the birth date's parts as
 * integers without leading zeros, {@code sexeEtatCivil} (male → M, female → F),
 * {@code codeCogInseeCommuneNaissance} when FranceConnect gives a birthplace, and
 * {@code codeCogInseePaysNaissance}.
 */
final class IdentityMapping {

    private static final Pattern BIRTHDATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");

    private IdentityMapping() {
    }

    /**
     * @return the wire parameters, in a stable order
     * @throws IllegalArgumentException naming the missing or unusable claim (never its value)
     */
    static Map<String, List<String>> civility(Introspection i) {
        List<String> prenoms = new ArrayList<>(i.givenNameArray());
        if (prenoms.isEmpty() && i.givenName() != null) {
            for (String p : i.givenName().split("\\s+")) {
                if (!p.isBlank()) {
                    prenoms.add(p);
                }
            }
        }
        if (prenoms.isEmpty()) {
            throw new IllegalArgumentException("given_name");
        }
        if (i.familyName() == null) {
            throw new IllegalArgumentException("family_name");
        }
        Matcher date = i.birthdate() == null ? null : BIRTHDATE.matcher(i.birthdate());
        if (date == null || !date.matches()) {
            throw new IllegalArgumentException("birthdate");
        }
        String sexe = "male".equals(i.gender()) ? "M" : "female".equals(i.gender()) ? "F" : null;
        if (sexe == null) {
            throw new IllegalArgumentException("gender");
        }
        if (i.birthcountry() == null) {
            throw new IllegalArgumentException("birthcountry");
        }
        Map<String, List<String>> wire = new LinkedHashMap<>();
        wire.put("prenoms[]", List.copyOf(prenoms));
        wire.put("nomNaissance", List.of(i.familyName()));
        if (i.preferredUsername() != null) {
            wire.put("nomUsage", List.of(i.preferredUsername()));
        }
        wire.put("anneeDateNaissance", List.of(Integer.toString(Integer.parseInt(date.group(1)))));
        wire.put("moisDateNaissance", List.of(Integer.toString(Integer.parseInt(date.group(2)))));
        wire.put("jourDateNaissance", List.of(Integer.toString(Integer.parseInt(date.group(3)))));
        wire.put("sexeEtatCivil", List.of(sexe));
        if (i.birthplace() != null) {
            wire.put("codeCogInseeCommuneNaissance", List.of(i.birthplace()));
        }
        wire.put("codeCogInseePaysNaissance", List.of(i.birthcountry()));
        return java.util.Collections.unmodifiableMap(wire);
    }
}
