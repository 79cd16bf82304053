package fr.guichet.gateway.franceconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fictitious FranceConnect tokens of the reference sandbox (api-particulier/payloads/france_connect,
 * copied verbatim under {@value #DIRECTORY}, listed in {@code index.txt}): the token is the file's
 * base name ({@code all_fc}, {@code cnous_with_less_scopes}...), its {@code payload} the answer
 * check-token would give, whose {@code token_introspection} is read.
 */
final class SandboxTokens {

    static final String DIRECTORY = "franceconnect/sandbox/";

    private final Map<String, Introspection> tokens;

    private SandboxTokens(Map<String, Introspection> tokens) {
        this.tokens = tokens;
    }

    /** @throws IllegalStateException when the index names a missing or unreadable file */
    static SandboxTokens load(ObjectMapper json) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Introspection> tokens = new TreeMap<>();
        for (String file : read(DIRECTORY + "index.txt").split("\\R")) {
            if (file.isBlank() || file.startsWith("#")) {
                continue;
            }
            try {
                JsonNode entry = yaml.readTree(read(DIRECTORY + file.trim()));
                JsonNode payload = json.readTree(entry.path("payload").asText());
                JsonNode introspection = payload.get("token_introspection");
                if (introspection == null || !introspection.isObject()) {
                    throw new IllegalStateException("No token_introspection in " + DIRECTORY + file);
                }
                tokens.put(file.trim().replaceFirst("\\.ya?ml$", ""), Introspection.of(introspection));
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable " + DIRECTORY + file, e);
            }
        }
        return new SandboxTokens(Collections.unmodifiableMap(tokens));
    }

    Optional<Introspection> find(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    /** The sandbox token names, sorted. */
    java.util.Set<String> names() {
        return tokens.keySet();
    }

    private static String read(String resource) {
        try (InputStream in = SandboxTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " on the class path");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return String.join("\n", reader.lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + resource, e);
        }
    }
}
