package fr.guichet.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Dockerfiles of the services of services.yml: minimal base, non-root user, the right entry point and port. */
class ContainerFilesTest {

    private static final Path ROOT = ChartRenderer.DEPLOY_DIR.getParent();
    /** Module → container port (8080 + its services.yml port offset, as the chart sets it). */
    private static final Map<String, Integer> MODULES = ServicesCatalog.read().services().stream()
            .collect(java.util.stream.Collectors.toMap(ServicesCatalog.Entry::module, e -> 8080 + e.portOffset()));
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+)(?::(\\d+))?\\s*$");

    @Test
    void jvmImagesRunQuarkusRunJarAsNonRootOnDistroless() throws Exception {
        for (var module : MODULES.entrySet()) {
            String file = Files.readString(ROOT.resolve(module.getKey()).resolve("src/main/docker/Dockerfile.jvm"));
            assertTrue(file.contains("FROM gcr.io/distroless/java17-debian12:nonroot"), module.getKey());
            assertTrue(file.contains("COPY target/quarkus-app/"), module.getKey());
            assertTrue(file.contains("\"-jar\", \"/deployments/quarkus-run.jar\"]"), module.getKey());
            checkCommon(module.getKey(), module.getValue(), file);
        }
    }

    @Test
    void nativeImagesRunTheRunnerAsNonRootOnTheQuarkusMicroImage() throws Exception {
        for (var module : MODULES.entrySet()) {
            String file = Files.readString(ROOT.resolve(module.getKey()).resolve("src/main/docker/Dockerfile.native"));
            assertTrue(file.contains("FROM quay.io/quarkus/quarkus-micro-image:2.0"), module.getKey());
            assertTrue(file.contains("COPY target/*-runner /work/" + module.getKey() + "-runner"), module.getKey());
            assertTrue(file.contains("ENTRYPOINT [\"/work/" + module.getKey() + "-runner\"]"), module.getKey());
            checkCommon(module.getKey(), module.getValue(), file);
        }
    }

    @Test
    void imagePipelineBuildsEveryServiceOfServicesYmlInBothFlavours() throws Exception {
        String workflow = Files.readString(ROOT.resolve(".github/workflows/images.yml"));
        // The matrix is services.yml's modules, as the reader prints them; no list of its own.
        assertTrue(workflow.contains("modules=$(scripts/services.sh json-modules)"), workflow);
        assertTrue(workflow.contains("module: ${{ fromJSON(needs.services.outputs.modules) }}"), workflow);
        for (String module : MODULES.keySet()) {
            assertFalse(workflow.contains(module), module + " is listed in the workflow: it must come from services.yml");
        }
        String json = ServicesListTest.run("scripts/services.sh", "json-modules").strip();
        assertEquals(ServicesCatalog.read().modules().stream().map(m -> "\"" + m + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]")), json);
        assertTrue(workflow.contains("flavour: [jvm, native]"));
        assertTrue(workflow.contains("-Dquarkus.native.container-build=true"));
    }

    private static void checkCommon(String module, int port, String file) {
        assertEquals(1, file.lines().filter(l -> l.startsWith("FROM ")).count(), module + ": one stage, nothing built in the image");
        Matcher user = USER.matcher(file);
        assertTrue(user.find(), module + ": no numeric USER");
        assertTrue(Integer.parseInt(user.group(1)) > 0, module + ": runs as root");
        assertTrue(user.group(2) == null || Integer.parseInt(user.group(2)) > 0, module + ": root group");
        List<String> afterUser = file.substring(user.end()).lines().filter(l -> l.startsWith("USER")).toList();
        assertEquals(List.of(), afterUser, module + ": USER switched again");
        assertTrue(file.contains("EXPOSE " + port), module + ": port " + port);
    }
}
