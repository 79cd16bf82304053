package fr.guichet.deploy;

import fr.guichet.common.security.ServiceCredentials;
import fr.guichet.testing.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/guichet, sourced: its secrets reach the started services through their environment, never
 * their command line (readable by every local user in /proc/&lt;pid&gt;/cmdline), and what it
 * writes is private (files 0600, folders 0700). A stand-in for {@code java} (GUICHET_JAVA) lets
 * the real start path run without the services.
 */
class LauncherTest {

    private static final Path ROOT = ServicesCatalog.ROOT;
    private static final List<String> SECRETS = List.of("ADMIN_SECRET", "GATEWAY_TRACE_SECRET", "TOKEN_TRACE_SECRET",
            "TRACE_SALT", "SERVICE_AUTH_SECRET", "MASTER_KEY", "PORTAL_SESSION_SECRET");

    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void stopWhatTheTestStarted() {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aStartedServiceHasItsSecretsInItsEnvironmentAndNoneOnItsCommandLine() throws Exception {
        Path work = fresh("launcher-start");
        Path fakeJava = work.resolve("java");
        // Stays alive with the arguments and environment the launcher gave it.
        Files.writeString(fakeJava, "#!/bin/bash\nsleep 60\n");
        fakeJava.toFile().setExecutable(true);
        int base = freePortBase();
        String out = launcher(work, base, fakeJava, """
                load_secrets; prepare_runtime
                for s in token trace gateway insee; do start_service "$s"; cat "$(pid_of "$s")"; done
                store_demo_token demo.token.value 0190d0a4-0000-7000-8000-000000000001
                """);
        Map<String, String> secrets = secrets(work.resolve("home/secrets.env"));
        List<String> pids = out.lines().filter(l -> l.matches("\\d+")).toList();
        assertEquals(4, pids.size(), out);
        pids.forEach(p -> started.add(Long.parseLong(p)));

        for (int i = 0; i < pids.size(); i++) {
            Path proc = Path.of("/proc", pids.get(i));
            List<String> args = nulSeparated(waitFor(proc.resolve("cmdline")));
            List<String> env = nulSeparated(Files.readAllBytes(proc.resolve("environ")));
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                assertFalse(args.stream().anyMatch(a -> a.contains(secret.getValue())), secret.getKey() + " on the command line: " + args);
            }
            assertFalse(args.stream().anyMatch(a -> a.contains("password") || a.contains("secret") || a.contains("salt")
                    || a.contains("master-key")), args::toString);
            assertTrue(args.stream().anyMatch(a -> a.startsWith("-Dquarkus.http.port=")), args::toString);
            // Vert.x's URI check is off for the gateway alone (its error model answers malformed URIs).
            assertEquals(i == 2, args.containsAll(ServiceProcess.GATEWAY_OPTIONS), args::toString);
            if (i == 0) {
                assertTrue(args.contains("-Dquarkus.http.port=" + (base + 1)), args::toString);
                assertTrue(env.contains("GUICHET_TOKEN_ADMIN_BOOTSTRAP_SECRET=" + secrets.get("ADMIN_SECRET")));
                assertTrue(env.contains("GUICHET_TOKEN_KEYS_MASTER_KEY=" + secrets.get("MASTER_KEY")));
                assertTrue(env.contains("GUICHET_TOKEN_TRACE_SERVICE_SECRET=" + secrets.get("TOKEN_TRACE_SECRET")));
                assertTrue(env.contains("GUICHET_SERVICE_AUTH_SECRET=" + secrets.get("SERVICE_AUTH_SECRET")));
                assertTrue(env.contains("QUARKUS_DATASOURCE_PASSWORD=guichet"));
            } else if (i == 1) {
                assertTrue(env.contains("GUICHET_TRACE_INGESTION_CLIENTS_GATEWAY=" + secrets.get("GATEWAY_TRACE_SECRET")));
                assertTrue(env.contains("GUICHET_TRACE_INGESTION_CLIENTS_TOKEN_SERVICE=" + secrets.get("TOKEN_TRACE_SECRET")));
                assertFalse(env.stream().anyMatch(e -> e.startsWith("GUICHET_SERVICE_AUTH_SECRET=")), "trace-service needs no service secret");
                // Its seal key lives with the installation's other secrets, not in the user's home.
                assertTrue(args.contains("-Dguichet.trace.seal.key-file=" + work.resolve("home/trace-seal-key.pem")), args::toString);
            } else if (i == 2) {
                assertTrue(env.contains("GUICHET_GATEWAY_TRACE_SERVICE_SECRET=" + secrets.get("GATEWAY_TRACE_SECRET")));
                assertTrue(env.contains("GUICHET_GATEWAY_TRACE_SALT=" + secrets.get("TRACE_SALT")));
                assertTrue(env.contains("GUICHET_SERVICE_AUTH_SECRET=" + secrets.get("SERVICE_AUTH_SECRET")));
                // One provider URL per provider of services.yml.
                for (ServicesCatalog.Entry p : ServicesCatalog.read().providers()) {
                    assertTrue(args.contains("-Dguichet.gateway.providers." + p.provider() + ".url=http://127.0.0.1:"
                            + (base + p.portOffset())), args::toString);
                }
            } else {
                assertTrue(args.contains("-Dguichet.provider.mode=sandbox"), args::toString);
                assertTrue(env.contains("GUICHET_SERVICE_AUTH_SECRET=" + secrets.get("SERVICE_AUTH_SECRET")));
            }
        }
        assertTrue(secrets.get("SERVICE_AUTH_SECRET").getBytes(StandardCharsets.US_ASCII).length >= 32);

        // Private files and folders, whatever the caller's umask (the test runs under 022).
        assertEquals("rwx------", mode(work.resolve("home")));
        for (String f : List.of("home/secrets.env", "home/demo-token", "home/demo-jti",
                "runtime/run/token-service.log", "runtime/run/token-service.pid")) {
            assertEquals("rw-------", mode(work.resolve(f)), f);
        }
        for (String d : List.of("runtime", "runtime/run", "runtime/journal")) {
            assertEquals("rwx------", mode(work.resolve(d)), d);
        }
    }

    @Test
    void aFailedStartStopsWhatItStartedAndSaysWhenTheMasterKeyIsNotTheDatabases() throws Exception {
        Path work = fresh("launcher-failed-start");
        Path fakeJava = work.resolve("java");
        // token-service fails as it does when its database's keys were sealed with another master
        // key (a new GUICHET_HOME beside existing databases); the others stay up.
        Files.writeString(fakeJava, """
                #!/bin/bash
                case "$*" in
                  *token-service*) echo 'java.lang.IllegalStateException: Decryption failed: wrong master key or altered row (k1)'; exit 1;;
                esac
                sleep 60
                """);
        fakeJava.toFile().setExecutable(true);
        int base = freePortBase();
        Run run = run(work, base, fakeJava, """
                load_secrets; prepare_runtime
                trap abandon_start EXIT
                for s in trace insee token; do start_service "$s"; cat "$(pid_of "$s")"; done
                await_ready token
                """);
        List<Long> pids = run.out().lines().filter(l -> l.matches("\\d+")).map(Long::parseLong).toList();
        assertEquals(3, pids.size(), run::toString);
        started.addAll(pids);

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot open the signing keys its database holds"), run.err());
        assertTrue(run.err().contains("MASTER_KEY"), run.err());
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "pid " + pid + " left running after the failed start:\n" + run.err());
        }
        assertTrue(run.err().contains("stopping the services this run started"), run.err());
    }

    @Test
    void noServiceOfServicesYmlGetsASecretOnItsCommandLine() throws Exception {
        Path work = fresh("launcher-commands");
        String out = launcher(work, 18080, Path.of("java"), """
                load_secrets
                for s in "${SERVICES[@]}"; do launch_command "$s"; printf 'ARG %s\\n' "${LAUNCH_ARGS[@]}"; printf 'ENV %s\\n' "${LAUNCH_ENV[@]%%=*}"; done
                """);
        Map<String, String> secrets = secrets(work.resolve("home/secrets.env"));
        List<String> args = out.lines().filter(l -> l.startsWith("ARG ")).toList();
        assertFalse(args.isEmpty());
        for (String secret : secrets.values()) {
            assertFalse(args.stream().anyMatch(a -> a.contains(secret)), out);
        }
        List<String> env = out.lines().filter(l -> l.startsWith("ENV ")).toList();
        for (String name : List.of("GUICHET_TOKEN_ADMIN_BOOTSTRAP_SECRET", "GUICHET_TOKEN_KEYS_MASTER_KEY",
                "GUICHET_TRACE_INGESTION_CLIENTS_GATEWAY", "GUICHET_GATEWAY_TRACE_SALT", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertTrue(env.contains("ENV " + name), name + " not passed: " + env);
        }
        // Every service but trace-service and the portal (which calls no internal route) gets the service secret.
        assertEquals(ServicesCatalog.read().services().size() - 2, env.stream().filter("ENV GUICHET_SERVICE_AUTH_SECRET"::equals).count());
        assertTrue(env.contains("ENV GUICHET_PORTAL_SESSION_SECRET"), env.toString());
    }

    @Test
    void theDemoLoginLinkIsTheLinkMailedForTheDemoContactAfterItsRequestNotAnOlderOne() throws Exception {
        Path work = fresh("launcher-login-link");
        int base = freePortBase();
        Map<String, ServicesCatalog.Entry> entries = new LinkedHashMap<>();
        ServicesCatalog.read().services().forEach(e -> entries.put(e.name(), e));
        String portal = "http://127.0.0.1:" + (base + entries.get("portal").portOffset());
        Path log = Files.createDirectories(work.resolve("runtime/run")).resolve(entries.get("token").module() + ".log");
        // An earlier link, already used: the launcher must not hand it out again.
        Files.writeString(log, "INFO Sending email Connexion, text body: " + portal + "/connexion/lien?jeton=old_LINK\n");
        List<String> asked = new ArrayList<>();
        // token-service's magic-link route, stood in: the mock mailer writes the mail in the log.
        HttpServer token = HttpServer.create(new InetSocketAddress("127.0.0.1", base + entries.get("token").portOffset()), 0);
        token.createContext("/auth/magic-links", exchange -> {
            asked.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Files.writeString(log, "INFO Sending email Connexion, text body: \nOuvrez " + portal
                    + "/connexion/lien?jeton=new-Link_42 pour vous connecter.\n", StandardOpenOption.APPEND);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        token.start();
        try {
            String out = launcher(work, base, Path.of("java"), "prepare_runtime; demo_login_link");
            assertEquals(portal + "/connexion/lien?jeton=new-Link_42", out.strip());
            assertEquals(List.of("{\"email\":\"technique@demo.example\"}"), asked);
        } finally {
            token.stop(0);
        }
    }

    @Test
    void theConsoleLinkIsAskedForTheDemoOperatorAndLeadsToTheConsole() throws Exception {
        Path work = fresh("launcher-console-link");
        int base = freePortBase();
        Map<String, ServicesCatalog.Entry> entries = new LinkedHashMap<>();
        ServicesCatalog.read().services().forEach(e -> entries.put(e.name(), e));
        String portal = "http://127.0.0.1:" + (base + entries.get("portal").portOffset());
        Path log = Files.createDirectories(work.resolve("runtime/run")).resolve(entries.get("token").module() + ".log");
        Files.writeString(log, "");
        List<String> asked = new ArrayList<>();
        HttpServer token = HttpServer.create(new InetSocketAddress("127.0.0.1", base + entries.get("token").portOffset()), 0);
        token.createContext("/auth/operator-links", exchange -> {
            asked.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            // A partner link written at the same time is not the operator's.
            Files.writeString(log, "INFO Sending email, text body: " + portal + "/connexion/lien?jeton=partner\n"
                    + "INFO Sending email, text body: " + portal + "/console/connexion/lien?jeton=op_1\n", StandardOpenOption.APPEND);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        token.start();
        try {
            String out = launcher(work, base, Path.of("java"), "prepare_runtime; demo_operator_link");
            assertEquals(portal + "/console/connexion/lien?jeton=op_1", out.strip());
            assertEquals(List.of("{\"email\":\"operateur@demo.example\"}"), asked);
        } finally {
            token.stop(0);
        }
    }

    @Test
    void aSecondUpReusesTheDemoTokensTokenServiceStillHoldsActive() throws Exception {
        Path work = fresh("launcher-demo-reuse");
        int base = freePortBase();
        List<String> calls = new ArrayList<>();
        HttpServer token = tokenServiceStandIn(work, base, calls, Map.of(
                LIVE_JTI, "{\"jti\":\"" + LIVE_JTI + "\",\"status\":\"active\",\"exp\":" + (now() + 86_400) + "}",
                LIVE_PARTICULIER_JTI, "{\"jti\":\"" + LIVE_PARTICULIER_JTI + "\",\"status\":\"active\",\"exp\":" + (now() + 86_400) + "}"));
        try {
            Run run = run(work, base, Path.of("java"), """
                    load_secrets; prepare_runtime
                    store_demo_token demo.live.token %s
                    printf '%%s\\n' %s > "$STATE/demo-particulier-jti"; printf '%%s\\n' hab-old > "$STATE/demo-particulier-habilitation"
                    seed_demo; seed_demo_particulier
                    """.formatted(LIVE_JTI, LIVE_PARTICULIER_JTI));
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.err().contains("demo token still active (jti " + LIVE_JTI + ")"), run.err());
            assertTrue(run.err().contains("demo Particulier token still active (jti " + LIVE_PARTICULIER_JTI + ")"), run.err());
            assertFalse(calls.stream().anyMatch(c -> c.startsWith("POST /admin/habilitations")), calls::toString);
            assertEquals(LIVE_JTI, Files.readString(work.resolve("home/demo-jti")).strip());
            assertEquals("demo.live.token", Files.readString(work.resolve("home/demo-token")).strip());
            // The sandbox FranceConnect client stays bound to the re-used habilitation.
            assertTrue(calls.contains("PUT /admin/habilitations/hab-old/franceconnect_client"), calls::toString);
        } finally {
            token.stop(0);
        }
    }

    @Test
    void aRevokedOrEndedDemoTokenIsReplacedByANewHabilitation() throws Exception {
        Path work = fresh("launcher-demo-reseed");
        int base = freePortBase();
        List<String> calls = new ArrayList<>();
        String revoked = "0190d0a4-0000-7000-8000-00000000000c";
        String ended = "0190d0a4-0000-7000-8000-00000000000d";
        HttpServer token = tokenServiceStandIn(work, base, calls, Map.of(
                revoked, "{\"jti\":\"" + revoked + "\",\"status\":\"revoked\",\"exp\":" + (now() + 86_400) + "}",
                // token-service says "active" until revocation; the end is the token's exp.
                ended, "{\"jti\":\"" + ended + "\",\"status\":\"active\",\"exp\":" + (now() - 10) + "}"));
        try {
            Run run = run(work, base, Path.of("java"), """
                    load_secrets; prepare_runtime
                    store_demo_token demo.revoked.token %s
                    printf '%%s\\n' %s > "$STATE/demo-particulier-jti"; printf '%%s\\n' hab-old > "$STATE/demo-particulier-habilitation"
                    seed_demo; seed_demo_particulier
                    """.formatted(revoked, ended));
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(2, calls.stream().filter("POST /admin/habilitations"::equals).count(), calls::toString);
            assertEquals(NEW_JTI, Files.readString(work.resolve("home/demo-jti")).strip());
            assertEquals(NEW_JTI, Files.readString(work.resolve("home/demo-particulier-jti")).strip());
            assertTrue(calls.contains("DELETE /admin/habilitations/hab-old/franceconnect_client"), calls::toString);
        } finally {
            token.stop(0);
        }
    }

    private static final String LIVE_JTI = "0190d0a4-0000-7000-8000-00000000000a";
    private static final String LIVE_PARTICULIER_JTI = "0190d0a4-0000-7000-8000-00000000000b";
    private static final String NEW_JTI = "0190d0a4-0000-7000-8000-0000000000ff";

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /**
     * token-service's routes the demo seeding calls, stood in on its port. {@code /internal/tokens/{jti}}
     * checks the service credential as token-service does ({@link ServiceCredentials}, audience
     * {@code token-service}, the installation's SERVICE_AUTH_SECRET) and answers 401 {@code 00809}
     * without a valid one; {@code states} are its answers per jti (404 otherwise). The admin routes
     * create habilitation {@code hab-new} and token {@link #NEW_JTI}. Every call is added to {@code calls}.
     */
    private HttpServer tokenServiceStandIn(Path work, int base, List<String> calls, Map<String, String> states) throws Exception {
        launcher(work, base, Path.of("java"), "load_secrets");
        ServiceCredentials credentials = new ServiceCredentials(secrets(work.resolve("home/secrets.env")).get("SERVICE_AUTH_SECRET"));
        Map<String, ServicesCatalog.Entry> entries = new LinkedHashMap<>();
        ServicesCatalog.read().services().forEach(e -> entries.put(e.name(), e));
        HttpServer token = HttpServer.create(new InetSocketAddress("127.0.0.1", base + entries.get("token").portOffset()), 0);
        token.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            synchronized (calls) {
                calls.add(method + " " + path);
            }
            int status;
            String body;
            if (path.startsWith("/internal/")) {
                String jti = path.substring(path.lastIndexOf('/') + 1);
                try {
                    credentials.verify(exchange.getRequestHeaders().getFirst(ServiceCredentials.HEADER), "token-service");
                    status = states.containsKey(jti) ? 200 : 404;
                    body = states.getOrDefault(jti, "{\"errors\":[{\"code\":\"00003\"}]}");
                } catch (ServiceCredentials.InvalidServiceCredentialException e) {
                    status = 401;
                    body = "{\"errors\":[{\"code\":\"00809\"}]}";
                }
            } else if (path.equals("/auth/admin-tokens")) {
                status = 200;
                body = "{\"access_token\":\"admin.session\"}";
            } else if (path.equals("/admin/organisations")) {
                status = 409;
                body = "{}";
            } else if (path.equals("/admin/habilitations")) {
                status = 201;
                body = "{\"id\":\"hab-new\"}";
            } else if (path.endsWith("/validate")) {
                status = 201;
                body = "{\"token\":\"new.demo.token\",\"jti\":\"" + NEW_JTI + "\"}";
            } else if (path.endsWith("/franceconnect_client")) {
                status = 200;
                body = "{}";
            } else {
                status = 404;
                body = "{}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        token.start();
        return token;
    }

    /** Sources bin/guichet in a fresh bash with a throwaway home and runtime, runs the script, returns stdout. */
    private static String launcher(Path work, int base, Path java, String script) throws Exception {
        Run run = run(work, base, java, script);
        assertEquals(0, run.exitCode(), () -> "bin/guichet: " + run.err() + run.out());
        return run.out();
    }

    /** What a script of the sourced launcher did: its exit code, stdout and stderr. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(Path work, int base, Path java, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". bin/guichet\n" + script).directory(ROOT.toFile());
        Map<String, String> env = pb.environment();
        // Nothing from the caller's environment steers the launcher under test.
        env.keySet().removeIf(name -> name.startsWith("GUICHET_"));
        env.put("GUICHET_HOME", work.resolve("home").toString());
        env.put("GUICHET_RUNTIME", work.resolve("runtime").toString());
        env.put("GUICHET_PORT_BASE", String.valueOf(base));
        env.put("GUICHET_JAVA", java.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    private static Map<String, String> secrets(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        assertEquals(SECRETS.stream().sorted().toList(), values.keySet().stream().sorted().toList());
        return values;
    }

    /** The command line once the stand-in runs (bash re-reads it when it starts the script). */
    private static byte[] waitFor(Path cmdline) throws Exception {
        for (int i = 0; i < 100; i++) {
            byte[] b = Files.readAllBytes(cmdline);
            if (new String(b, StandardCharsets.UTF_8).contains("-Dquarkus.http.port=")) {
                return b;
            }
            Thread.sleep(50);
        }
        return Files.readAllBytes(cmdline);
    }

    private static List<String> nulSeparated(byte[] bytes) {
        return Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\0"));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static Path fresh(String name) throws IOException {
        Path dir = ChartRenderer.WORK_DIR.resolve(name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /** A base port whose successors are free, so that start_service finds its ports free. */
    private static int freePortBase() {
        return fr.guichet.testing.LoopbackPorts.nextBlock(10);
    }
}
