package fr.guichet.common.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.resource.ClassPathFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the sandbox cases a provider ships on its class path. A root folder holds
 * {@code index.txt} (one {@code OPERATION/name.yaml} a line; blank lines and {@code #} comments
 * ignored) and the files it lists: the index makes the set explicit and works in a native image,
 * where class-path folders cannot be listed. Each provider keeps its own matching rules.
 */
public final class SandboxCases {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SandboxCases() {
    }

    /** The cases listed by {@code root + "index.txt"}, in index order; {@code root} ends with '/'. */
    public static List<SandboxCase> load(String root) {
        List<SandboxCase> cases = new ArrayList<>();
        for (String file : ClassPathFiles.index(root)) {
            int slash = file.indexOf('/');
            if (slash <= 0) {
                throw new IllegalStateException("Sandbox index entry without an operation folder: " + root + file);
            }
            try (InputStream in = ClassPathFiles.open(root + file)) {
                JsonNode node = YAML.readTree(in);
                Map<String, String> params = new LinkedHashMap<>();
                Map<String, List<String>> values = new LinkedHashMap<>();
                node.path("params").fields().forEachRemaining(p -> {
                    List<String> list = new ArrayList<>();
                    if (p.getValue().isArray()) {
                        p.getValue().forEach(v -> list.add(v.asText()));
                    } else {
                        list.add(p.getValue().asText());
                    }
                    values.put(p.getKey(), List.copyOf(list));
                    params.put(p.getKey(), String.join(",", list));
                });
                cases.add(new SandboxCase(file, file.substring(0, slash), Map.copyOf(params), Map.copyOf(values),
                        node.path("status").asInt(), node.path("payload").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable sandbox case " + root + file, e);
            }
        }
        return List.copyOf(cases);
    }

    /** A file shipped beside the cases (e.g. a sandbox PDF). */
    public static byte[] bytes(String path) {
        try (InputStream in = ClassPathFiles.open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable class-path resource " + path, e);
        }
    }
}
