package fr.guichet.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Guichet's services and providers as the root {@code services.yml} lists them (the one list,
 * also read by {@code bin/guichet}, the Helm chart and the image workflow), in start order.
 *
 * @param services the entries, dependencies first
 */
public record ServiceCatalog(List<Descriptor> services) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static volatile ServiceCatalog repository;

    /** One entry of {@code services.yml}; see its header for the meaning of each field. */
    public record Descriptor(
            String name,
            String module,
            String kind,
            String provider,
            @JsonProperty("port-offset") int portOffset,
            String database,
            boolean redis,
            @JsonProperty("launcher-properties") String launcherProperties) {

        /** Whether this is a provider adapter (called by the gateway under its {@link #provider()} key). */
        public boolean isProvider() {
            return "provider".equals(kind);
        }
    }

    /** The catalog of the repository the tests run in ({@code guichet.it.root}, or found upwards). */
    public static ServiceCatalog repository() {
        ServiceCatalog c = repository;
        if (c == null) {
            c = read(findRoot().resolve("services.yml"));
            repository = c;
        }
        return c;
    }

    /**
     * Reads and checks a {@code services.yml}.
     *
     * @throws IllegalStateException when an entry lacks a field, has an unknown one or a bad kind
     */
    public static ServiceCatalog read(Path file) {
        ServiceCatalog catalog;
        try {
            catalog = YAML.readValue(file.toFile(), ServiceCatalog.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        for (Descriptor d : catalog.services()) {
            if (d.name() == null || d.module() == null || !List.of("service", "provider").contains(d.kind())
                    || d.isProvider() != (d.provider() != null)) {
                throw new IllegalStateException(file + ": incomplete or inconsistent entry " + d);
            }
        }
        return catalog;
    }

    /** The entry with this short name. */
    public Optional<Descriptor> find(String name) {
        return services.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The entry with this short name, or an error naming the file to fix. */
    public Descriptor get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("services.yml lists no service named " + name));
    }

    /** The providers, in start order. */
    public List<Descriptor> providers() {
        return services.stream().filter(Descriptor::isProvider).toList();
    }

    /** The repository root: {@code guichet.it.root}, or the nearest folder upwards holding services.yml and pom.xml. */
    public static Path repositoryRoot() {
        return findRoot();
    }

    static Path findRoot() {
        String configured = System.getProperty("guichet.it.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("services.yml")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException("Cannot find the Guichet repository root (services.yml) from " + dir));
    }
}
