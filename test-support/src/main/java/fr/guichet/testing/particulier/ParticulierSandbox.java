package fr.guichet.testing.particulier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.testing.contract.ParticulierContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * API Particulier's sandbox as a partner reaches it through the gateway: which query a sandbox
 * case is asked with, and, for a FranceConnect operation, which fictitious FranceConnect token
 * (the gateway's {@value #FRANCE_CONNECT_TOKENS}) carries the identity the case answers.
 *
 * <p>On a FranceConnect route the partner sends no identity: the gateway takes it from the
 * token and forwards it as the civility parameters (given names, birth name, birth date parts,
 * sex, birth place and country). A FranceConnect case is therefore reached with the token whose
 * identity agrees with every identity parameter the case lists (compared as the sandbox compares
 * them: case-insensitively, a scalar as a list of one); its other parameters must be the route's
 * own ({@code annee}, {@code campaignYear}, {@code immatriculation}), sent in the query, except a
 * {@code nomUsage}, which no fictitious token carries (FranceConnect gives it as
 * {@code preferred_username}) and which the sandbox cases list for the provider's sake.
 */
public final class ParticulierSandbox {

    /** The sandbox FranceConnect client id: the {@code aud} of every fictitious token's introspection. */
    public static final String FRANCE_CONNECT_CLIENT_ID = "6925fb8143c76eded44d32b40c0cb1006065f7f003de52712b78985704f39950";
    /** Where the gateway keeps the fictitious FranceConnect tokens, relative to the repository root. */
    public static final String FRANCE_CONNECT_TOKENS = "gateway-service/src/main/resources/franceconnect/sandbox";
    /** The civility parameters a FranceConnect identity gives, by wire name without {@code []}. */
    public static final Set<String> IDENTITY = Set.of("prenoms", "nomNaissance", "anneeDateNaissance",
            "moisDateNaissance", "jourDateNaissance", "sexeEtatCivil", "codeCogInseeCommuneNaissance",
            "codeCogInseePaysNaissance");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParticulierSandbox() {
    }

    /** Whether an operation id is API Particulier's ({@code api_particulier_v3_...}). */
    public static boolean isParticulier(String operationId) {
        return operationId.startsWith("api_particulier_");
    }

    /** Whether an operation takes the end user's FranceConnect token as its Bearer. */
    public static boolean isFranceConnect(String operationId) {
        return operationId.endsWith("_with_france_connect");
    }

    /**
     * One fictitious FranceConnect token of the sandbox.
     *
     * @param name     the token itself (the file's base name: {@code all_fc}, {@code cnaf_qfv2})
     * @param identity the civility parameters it gives, by wire name without {@code []}
     * @param scopes   its {@code scope} claim
     * @param active   its {@code active} claim
     */
    public record FranceConnectToken(String name, Map<String, List<String>> identity, Set<String> scopes, boolean active) {
    }

    /** The fictitious tokens of the repository at {@code root}, by name; none when the folder is absent. */
    public static List<FranceConnectToken> franceConnectTokens(Path root) {
        Path folder = root.resolve(FRANCE_CONNECT_TOKENS);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<FranceConnectToken> tokens = new ArrayList<>();
            for (Path f : files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                JsonNode file = YAML.readTree(f.toFile());
                String name = file.path("params").path("token").asText(f.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
                JsonNode introspection = JSON.readTree(file.path("payload").asText()).path("token_introspection");
                Set<String> scopes = new LinkedHashSet<>(List.of(introspection.path("scope").asText("").split(" ")));
                tokens.add(new FranceConnectToken(name, identity(introspection), Set.copyOf(scopes),
                        introspection.path("active").asBoolean(false)));
            }
            tokens.sort(Comparator.comparing(FranceConnectToken::name));
            return List.copyOf(tokens);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable FranceConnect sandbox tokens in " + folder, e);
        }
    }

    /**
     * The civility parameters of a FranceConnect {@code token_introspection}, as the gateway forwards
     * them: one given name per {@code given_name_array} entry (else {@code given_name} split on
     * spaces), {@code family_name}, the birth date's parts as integers, M/F, birth place when given
     * and birth country.
     */
    public static Map<String, List<String>> identity(JsonNode introspection) {
        Map<String, List<String>> identity = new LinkedHashMap<>();
        List<String> given = new ArrayList<>();
        introspection.path("given_name_array").forEach(n -> given.add(n.asText()));
        if (given.isEmpty()) {
            given.addAll(List.of(introspection.path("given_name").asText("").trim().split("\\s+")));
        }
        identity.put("prenoms", List.copyOf(given));
        identity.put("nomNaissance", List.of(introspection.path("family_name").asText()));
        String[] date = introspection.path("birthdate").asText("").split("-");
        if (date.length == 3) {
            identity.put("anneeDateNaissance", List.of(String.valueOf(Integer.parseInt(date[0]))));
            identity.put("moisDateNaissance", List.of(String.valueOf(Integer.parseInt(date[1]))));
            identity.put("jourDateNaissance", List.of(String.valueOf(Integer.parseInt(date[2]))));
        }
        String gender = introspection.path("gender").asText("");
        identity.put("sexeEtatCivil", List.of("female".equals(gender) ? "F" : "M"));
        if (!introspection.path("birthplace").asText("").isEmpty()) {
            identity.put("codeCogInseeCommuneNaissance", List.of(introspection.path("birthplace").asText()));
        }
        identity.put("codeCogInseePaysNaissance", List.of(introspection.path("birthcountry").asText()));
        return Map.copyOf(identity);
    }

    /**
     * The query a partner sends for a case of a Particulier operation, by wire name ({@code prenoms[]}
     * once per value), {@code recipient} excepted: on a civility route every parameter of the case;
     * on a FranceConnect route only the route's own (the identity comes from the token).
     */
    public static Map<String, List<String>> query(String operationId, SandboxCase c) {
        Map<String, Boolean> declared = ParticulierContract.queryParameters(operationId);
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : c.values().entrySet()) {
            String name = declared.containsKey(p.getKey() + "[]") ? p.getKey() + "[]" : p.getKey();
            if (!isFranceConnect(operationId) || declared.containsKey(name)) {
                query.put(name, p.getValue());
            }
        }
        query.remove("recipient");
        return query;
    }

    /**
     * A case's parameters as its file types them (text, integer, array): the sandbox tells a given
     * name sent as an array ({@code prenoms[]}) from one sent as a text. {@code resources} is the
     * folder the case's {@link SandboxCase#file()} is relative to (a module's {@code src/main/resources}).
     */
    public static JsonNode typedParams(Path resources, SandboxCase c) {
        try {
            return YAML.readTree(resources.resolve(c.file()).toFile()).path("params");
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sandbox case " + c.file(), e);
        }
    }

    /**
     * Whether a partner reaches a case of a civility (or identifier) operation through the gateway:
     * the case names only parameters the route declares, every required one, and an array
     * parameter ({@code prenoms[]}) as an array; otherwise the gateway refuses the call (422) or the
     * sandbox cannot match it.
     */
    public static boolean reachable(String operationId, JsonNode caseParams) {
        Map<String, Boolean> declared = ParticulierContract.queryParameters(operationId);
        for (Map.Entry<String, Boolean> p : declared.entrySet()) {
            String bare = p.getKey().replace("[]", "");
            if (ParticulierContract.required(operationId, p.getKey()) && !"recipient".equals(bare) && !caseParams.has(bare)) {
                return false;
            }
        }
        for (var it = caseParams.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            Boolean array = declared.containsKey(name + "[]") ? Boolean.TRUE : declared.get(name);
            if (array == null || array != caseParams.get(name).isArray()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fictitious token that reaches a case of a FranceConnect operation, if one does, as the
     * sandbox matches API Particulier calls (provider kit, {@code ParticulierMatcher}): the
     * provider receives the token's identity ({@code prenoms[]} as an array) and the route's own
     * parameters taken from the case; among them it looks only at the parameters some case of the
     * operation names ({@code named}), and answers the case naming exactly those, text compared
     * case-insensitively, integers as integers, an array only to an array. Of several such tokens,
     * the active one holding most of {@code operationScopes} (at least one).
     */
    public static Optional<FranceConnectToken> tokenFor(String operationId, JsonNode caseParams, Set<String> named,
                                                        List<FranceConnectToken> tokens, Collection<String> operationScopes) {
        Map<String, Boolean> declared = ParticulierContract.queryParameters(operationId);
        return tokens.stream()
                .filter(FranceConnectToken::active)
                .filter(t -> t.scopes().stream().anyMatch(operationScopes::contains))
                .sorted(Comparator.comparingLong((FranceConnectToken t) -> -t.scopes().stream().filter(operationScopes::contains).count())
                        .thenComparing(FranceConnectToken::name))
                .filter(t -> {
                    Map<String, Given> forwarded = new LinkedHashMap<>();
                    t.identity().forEach((k, v) -> forwarded.put(k, new Given("prenoms".equals(k), v)));
                    for (var it = caseParams.fields(); it.hasNext(); ) {
                        var p = it.next();
                        if (!IDENTITY.contains(p.getKey()) && (declared.containsKey(p.getKey()) || declared.containsKey(p.getKey() + "[]"))) {
                            forwarded.put(p.getKey(), new Given(p.getValue().isArray(), texts(p.getValue())));
                        }
                    }
                    forwarded.keySet().retainAll(named);
                    Set<String> caseNames = new LinkedHashSet<>();
                    caseParams.fieldNames().forEachRemaining(caseNames::add);
                    if (!caseNames.equals(forwarded.keySet())) {
                        return false;
                    }
                    return caseNames.stream().allMatch(k -> {
                        Given g = forwarded.get(k);
                        JsonNode expected = caseParams.get(k);
                        return expected.isArray() == g.array() && same(texts(expected), g.values());
                    });
                })
                .findFirst();
    }

    /** A parameter as the provider receives it: sent as an array or not, and its values. */
    private record Given(boolean array, List<String> values) {
    }

    private static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> texts.add(v.asText()));
        } else {
            texts.add(value.asText());
        }
        return texts;
    }

    private static boolean same(List<String> expected, List<String> given) {
        if (expected.size() != given.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            String g = given.get(i);
            boolean integers = e.matches("[+-]?[0-9]{1,9}") && g.matches("[+-]?[0-9]{1,9}");
            if (integers ? Integer.parseInt(e) != Integer.parseInt(g) : !e.equalsIgnoreCase(g)) {
                return false;
            }
        }
        return true;
    }
}
