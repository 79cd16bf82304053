package fr.guichet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads the sandbox fixtures that the providers serve, from the providers' own resources. */
final class Fixtures {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The payload of the fixture of {@code operation} whose params hold {@code identifier}. */
    static JsonNode payload(String operation, String identifier) throws IOException {
        Path root = Path.of(System.getProperty("guichet.it.root", "..")).toAbsolutePath();
        try (Stream<Path> files = Files.walk(root.resolve("provider-insee/src/main/resources"))) {
            for (Path f : files.filter(p -> p.getParent().getFileName().toString().equals(operation)
                    && p.getFileName().toString().endsWith(".yaml")).toList()) {
                JsonNode fixture = YAML.readTree(f.toFile());
                if (fixture.path("params").toString().contains("\"" + identifier + "\"")) {
                    return JSON.readTree(fixture.get("payload").asText());
                }
            }
        }
        throw new IllegalStateException("No fixture of " + operation + " for " + identifier);
    }
}
