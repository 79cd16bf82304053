package fr.guichet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Validates objects against the Kubernetes API schemas with the npm package kubernetes-models
 * (schemas generated from the Kubernetes OpenAPI specification). The package is installed into
 * target/ with {@code npm ci} from the committed package-lock.json, so every run uses the same
 * versions; it needs node and npm on the PATH (Node 18 or later) and the npm registry once.
 */
final class KubernetesSchemaValidator {

    private static final Path SOURCE = ChartRenderer.DEPLOY_DIR.resolve("src/test/node");
    private static final Path HOME = ChartRenderer.WORK_DIR.resolve("schema-validator");
    private static boolean installed;

    private KubernetesSchemaValidator() {
    }

    /** Returns one message per object that violates its schema (or has no schema); empty when all are valid. */
    static synchronized List<String> validate(List<ObjectNode> objects) {
        install();
        try {
            Path input = Files.createTempFile(ChartRenderer.WORK_DIR, "objects-", ".json");
            ChartRenderer.JSON.writeValue(input.toFile(), objects);
            String output = run(List.of("node", "validate.js", input.toString()), 60);
            Files.delete(input);
            List<String> violations = new ArrayList<>();
            for (JsonNode result : ChartRenderer.JSON.readTree(output)) {
                for (JsonNode error : result.path("errors")) {
                    violations.add(result.path("kind").asText() + "/" + result.path("name").asText() + ": " + error.asText());
                }
            }
            if (ChartRenderer.JSON.readTree(output).size() != objects.size()) {
                throw new IllegalStateException("validator answered for a different number of objects: " + output);
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void install() {
        if (installed) {
            return;
        }
        try {
            Files.createDirectories(HOME);
            boolean fresh = false;
            for (String file : List.of("package.json", "package-lock.json", "validate.js")) {
                Path target = HOME.resolve(file);
                byte[] content = Files.readAllBytes(SOURCE.resolve(file));
                if (!Files.exists(target) || !java.util.Arrays.equals(content, Files.readAllBytes(target))) {
                    Files.write(target, content);
                    fresh |= !"validate.js".equals(file);
                }
            }
            if (fresh || !Files.isDirectory(HOME.resolve("node_modules/kubernetes-models"))) {
                // Exact versions from the lock file, integrity-checked; no install scripts run.
                run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"), 300);
            }
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(List<String> command, long timeoutSeconds) {
        try {
            Path out = Files.createTempFile(ChartRenderer.WORK_DIR, "validator-", ".out");
            Path err = Files.createTempFile(ChartRenderer.WORK_DIR, "validator-", ".err");
            Process process;
            try {
                process = new ProcessBuilder(command).directory(HOME.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + command.get(0)
                        + ": the schema validation needs Node.js 18+ and npm on the PATH (apt-get install nodejs npm)", e);
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            Files.delete(out);
            Files.delete(err);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
