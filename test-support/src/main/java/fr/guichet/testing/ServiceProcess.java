package fr.guichet.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One running instance of a built Guichet service: a real OS process on a loopback port. */
public final class ServiceProcess {

    /**
     * JVM options of a service started in JVM mode: the local launcher's (bin/guichet) and the
     * Helm chart's, chosen from measured resident sets (docs/benchmarks.md); deploy's
     * JvmSettingsTest keeps the three equal.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms16m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m");

    /**
     * Options the launcher and the chart add for every service but the gateway (C1 only, a tight
     * heap and young generation, metaspace reclaimed aggressively, a compile threshold four times the
     * default, native memory trimmed every 5 s). The test stacks add them to every service, the gateway included: start-up time matters more
     * there than the gateway's peak throughput.
     */
    public static final List<String> LEAN_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=20", "-XX:MaxNewSize=6m",
            "-XX:MetaspaceReclaimPolicy=aggressive", "-XX:CompileThresholdScaling=4", "-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");

    /**
     * System properties of the gateway alone, in JVM and native mode, as the launcher's
     * GATEWAY_OPTS and the chart's gatewaySystemProperties: Vert.x's URI check off, since Quarkus's
     * answers 400 with an empty body before the gateway can answer with its error model.
     */
    public static final List<String> GATEWAY_OPTIONS = List.of("-Dvertx.disableURIValidation=true");

    /**
     * No maintenance window in a started provider or gateway (DGFIP's is 01:00–02:00, Europe/Paris,
     * in both), so that a suite passes whatever the hour it runs at: an empty value unsets the
     * property. A test about maintenance sets its window in its own properties, which win.
     */
    static Map<String, String> testDefaults(ServiceCatalog.Descriptor service) {
        if (service.isProvider()) {
            return Map.of("guichet.provider.maintenance-windows", "");
        }
        return "gateway".equals(service.name()) ? Map.of("guichet.gateway.providers.dgfip.maintenance-windows", "") : Map.of();
    }

    /** glibc malloc arenas of a JVM-mode service process (environment MALLOC_ARENA_MAX), as the launcher sets it. */
    public static final String MALLOC_ARENA_MAX = "2";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceCatalog.Descriptor service;
    private final String name;
    private final List<String> command;
    private final int port;
    private final Path log;
    private Process process;

    ServiceProcess(ServiceCatalog.Descriptor service, String name, List<String> command, int port, Path log) {
        this.service = service;
        this.name = name;
        this.command = List.copyOf(command);
        this.port = port;
        this.log = log;
    }

    /** The services.yml entry this process runs. */
    public ServiceCatalog.Descriptor service() {
        return service;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the process (again, on the same port) and waits until /q/health/ready says UP. */
    public ServiceProcess start(Duration timeout) {
        if (isAlive()) {
            return this;
        }
        launch();
        awaitReady(timeout);
        return this;
    }

    /**
     * Starts the process (again, on the same port) without waiting for it: a stack launches the
     * services that do not need each other to be ready together, then {@link #awaitReady}s each.
     * Does nothing when the process is already running.
     *
     * @throws IllegalStateException when the process cannot be started
     */
    public ServiceProcess launch() {
        if (isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.directory(log.getParent().toFile());
            pb.environment().put("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name + ": " + command, e);
        }
        return this;
    }

    /** Stops the process: SIGTERM, then SIGKILL after 15 s. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Kills the process at once, as a crash would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /**
     * Waits until the launched process's /q/health/ready says UP, polling every 250 ms.
     *
     * @param timeout how long to wait from now
     * @throws IllegalStateException naming the service with its log tail when it was not launched,
     *         exited, or is not ready within {@code timeout}
     */
    public ServiceProcess awaitReady(Duration timeout) {
        if (process == null) {
            throw new IllegalStateException(name + " was not launched");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + tail());
            }
            try {
                HttpResponse<String> r = HTTP.send(ready, HttpResponse.BodyHandlers.ofString());
                lastStatus = r.statusCode();
                if (lastStatus == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + " (last status " + lastStatus + ")\n" + tail());
    }

    /** The last lines of the process log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The command line of {@code service}: the JVM options first in JVM mode, then system
     * properties ({@link #GATEWAY_OPTIONS} for the gateway, {@link #testDefaults} the test does not
     * set, then {@code properties}), which a
     * native executable reads as well.
     */
    static List<String> command(ServiceCatalog.Descriptor service, Path executable, boolean nativeMode,
                                Map<String, String> properties) {
        List<String> cmd = new ArrayList<>();
        if (nativeMode) {
            cmd.add(executable.toString());
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(JVM_OPTIONS);
            cmd.addAll(LEAN_OPTIONS);
        }
        if ("gateway".equals(service.name())) {
            cmd.addAll(GATEWAY_OPTIONS);
        }
        testDefaults(service).forEach((k, v) -> {
            if (!properties.containsKey(k)) {
                cmd.add("-D" + k + "=" + v);
            }
        });
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        if (!nativeMode) {
            cmd.add("-jar");
            cmd.add(executable.toString());
        }
        return cmd;
    }
}
