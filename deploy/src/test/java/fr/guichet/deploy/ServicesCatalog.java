package fr.guichet.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The repository's root services.yml, the one list of Guichet's services and providers. */
record ServicesCatalog(List<Entry> services) {

    static final Path ROOT = ChartRenderer.DEPLOY_DIR.getParent();
    static final Path FILE = ROOT.resolve("services.yml");
    static final Path CHART_COPY = ChartRenderer.CHART.resolve("services.yml");

    record Entry(String name, String module, String kind, String provider,
                 @JsonProperty("port-offset") int portOffset, String database, Boolean redis,
                 @JsonProperty("launcher-properties") String launcherProperties) {

        boolean isProvider() {
            return "provider".equals(kind);
        }
    }

    static ServicesCatalog read() {
        try {
            return ChartRenderer.YAML.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(FILE.toFile(), ServicesCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> names() {
        return services.stream().map(Entry::name).toList();
    }

    List<String> modules() {
        return services.stream().map(Entry::module).toList();
    }

    List<Entry> providers() {
        return services.stream().filter(Entry::isProvider).toList();
    }
}
