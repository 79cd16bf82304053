package fr.guichet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.testing.mail.TestMailbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The built Guichet services started as real processes on free loopback ports, against the real
 * PostgreSQL and Redis prepared by {@code scripts/infra.sh}. Nothing is replaced by a fake.
 *
 * <p>System properties: {@code guichet.it.mode} = {@code jvm} (default, runs
 * {@code target/quarkus-app/quarkus-run.jar}) or {@code native} (runs {@code target/*-runner});
 * {@code guichet.it.root} = the repository root (found from the working directory otherwise).
 */
public final class GuichetStack implements AutoCloseable {

    public static final String DB_USER = System.getProperty("guichet.it.db.user", "guichet");
    public static final String DB_PASSWORD = System.getProperty("guichet.it.db.password", "guichet");
    public static final String PG = System.getProperty("guichet.it.pg", "127.0.0.1:5432");
    public static final String REDIS = System.getProperty("guichet.it.redis", "127.0.0.1:6379");
    public static final int REDIS_DB = Integer.getInteger("guichet.it.redis.db", 6);

    /** Secrets of this run: random, so nothing outside the run can use them. */
    public final String adminSecret = randomSecret();
    public final String gatewayTraceSecret = randomSecret();
    public final String tokenTraceSecret = randomSecret();
    /** The key signing the portal's session cookies (HMAC, at least 32 bytes). */
    public final String portalSessionSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    /**
     * The installation's service-to-service secret ({@code guichet.service-auth.secret}, HS256,
     * at least 32 bytes): the same for every service of the stack.
     */
    public final String serviceAuthSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    /**
     * The integration-test databases outlive a run, and token-service keeps its signing keys there
     * sealed with this key: it must stay the same from run to run. Test-only, never used elsewhere.
     */
    public final String masterKey = System.getProperty("guichet.it.master-key",
            Base64.getEncoder().encodeToString("guichet-integration-tests-only!!".getBytes(StandardCharsets.US_ASCII)));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The partner and operator web portal's short name in services.yml. */
    public static final String PORTAL = "portal";
    private static final AtomicInteger SIRET_SEQ = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final Path root;
    private final ServiceCatalog catalog;
    private final boolean nativeMode;
    private final Path logDir;
    /** Short names of the services this stack runs (services.yml names). */
    private final Set<String> services;
    private final Map<String, Map<String, String>> extra;
    private final Map<String, ServiceProcess> instances = new LinkedHashMap<>();
    private final List<ServiceProcess> additional = new ArrayList<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Duration readyTimeout;
    private final boolean withMailbox;
    private final List<Runnable> onRunLock;
    private TestMailbox mailbox;

    private GuichetStack(Builder b) {
        this.root = b.root != null ? b.root : ServiceCatalog.findRoot();
        this.catalog = b.root != null ? ServiceCatalog.read(root.resolve("services.yml")) : ServiceCatalog.repository();
        this.nativeMode = "native".equals(System.getProperty("guichet.it.mode", "jvm"));
        this.logDir = b.logDir != null ? b.logDir : Path.of("target", "it-logs").toAbsolutePath();
        this.services = new LinkedHashSet<>();
        if (b.services.isEmpty()) {
            // The web portal calls the API services and nothing calls it: only stacks naming it start it.
            catalog.services().stream().map(ServiceCatalog.Descriptor::name).filter(n -> !n.equals(PORTAL))
                    .forEach(services::add);
        } else {
            b.services.forEach(s -> services.add(catalog.get(s).name()));
        }
        this.extra = b.extra;
        this.readyTimeout = b.readyTimeout;
        this.withMailbox = b.withMailbox;
        this.onRunLock = List.copyOf(b.onRunLock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The stack of this JVM that gives way to the next one started here ({@link #givingWay()}), or
     * null. Stacks of one machine take turns on the integration databases (the run lock): without
     * this, a test class starting its own stack while a shared one still runs would wait for a
     * lock its own JVM holds.
     */
    private static GuichetStack givingWay;
    private volatile boolean running;

    /**
     * Marks this stack as one that is closed as soon as another stack starts in this JVM: a stack
     * several test classes share stays up between them, and needs no closing by whoever comes next.
     */
    public GuichetStack givingWay() {
        synchronized (GuichetStack.class) {
            givingWay = this;
        }
        return this;
    }

    /** Whether the stack is started and not closed (closing includes giving way to another stack). */
    public boolean running() {
        return running;
    }

    /**
     * Starts the chosen services and waits until each is ready: all but the gateway together, then
     * the gateway, whose readiness needs token-service.
     *
     * @throws IllegalStateException naming the service that failed to start, with its log tail;
     *         every process already launched is stopped
     */
    public GuichetStack start() {
        GuichetStack previous;
        synchronized (GuichetStack.class) {
            previous = givingWay != this ? givingWay : null;
        }
        if (previous != null) {
            previous.close();
        }
        acquireRunLock();
        running = true;
        if (!Boolean.getBoolean("guichet.it.keep-db")) {
            services.stream().map(catalog::get).map(Service::database).filter(java.util.Objects::nonNull)
                    .forEach(GuichetStack::resetDatabase);
            if (services.stream().map(catalog::get).anyMatch(ServiceCatalog.Descriptor::redis)) {
                RedisReset.flush(REDIS, REDIS_DB);
            }
        }
        onRunLock.forEach(Runnable::run);
        // Whatever happens to the test JVM, no service outlives it.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "guichet-stack-stop"));
        try {
            if (withMailbox) {
                mailbox = TestMailbox.start();
            }
            List<ServiceCatalog.Descriptor> chosen = catalog.services().stream()
                    .filter(d -> services.contains(d.name())).toList();
            // Ports are chosen up front, so every service knows its peers' addresses before they
            // listen; only the gateway's readiness needs a peer (token-service's JWKS), so the
            // others start together and the gateway after them.
            startTogether(chosen.stream().filter(d -> !d.name().equals(Service.GATEWAY.serviceName())).toList());
            startTogether(chosen.stream().filter(d -> d.name().equals(Service.GATEWAY.serviceName())).toList());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * Launches these services at once, then waits for each to be ready ({@link #readyTimeout}
     * each, counted from the moment it is awaited). A service that fails is reported with its log
     * tail, and any other of the batch already exited with its own, as suppressed exceptions; the
     * caller stops what was launched.
     */
    private void startTogether(List<ServiceCatalog.Descriptor> batch) {
        List<ServiceProcess> launched = new ArrayList<>();
        for (ServiceCatalog.Descriptor d : batch) {
            ServiceProcess p = newInstance(d, d.module(), Map.of());
            // Registered before launching, so that close() stops it whatever happens next.
            instances.put(d.name(), p);
            launched.add(p.launch());
        }
        for (ServiceProcess p : launched) {
            try {
                p.awaitReady(readyTimeout);
            } catch (IllegalStateException e) {
                for (ServiceProcess other : launched) {
                    if (other != p && !other.isAlive()) {
                        e.addSuppressed(new IllegalStateException(other.name() + " exited too\n" + other.tail()));
                    }
                }
                throw e;
            }
        }
    }

    /** A further instance of a service (e.g. a second gateway sharing Redis), started and ready. */
    public ServiceProcess startInstance(Service service, String name, Map<String, String> properties) {
        ServiceProcess p = newInstance(catalog.get(service.serviceName()), name, properties);
        additional.add(p);
        return p.start(readyTimeout);
    }

    public ServiceProcess instance(Service service) {
        return instance(service.serviceName());
    }

    /** The running instance of a service of services.yml, by its short name. */
    public ServiceProcess instance(String serviceName) {
        ServiceProcess p = instances.get(serviceName);
        if (p == null) {
            throw new IllegalStateException(serviceName + " is not part of this stack");
        }
        return p;
    }

    public String url(Service service) {
        return instance(service).url();
    }

    /**
     * The SMTP server token-service mails to, when the stack was built {@link Builder#withMailbox()}.
     *
     * @throws IllegalStateException when it was not
     */
    public TestMailbox mailbox() {
        if (mailbox == null) {
            throw new IllegalStateException("This stack has no mailbox: build it withMailbox()");
        }
        return mailbox;
    }

    /** The properties a service instance runs with: ports, databases, Redis, peers, secrets. */
    Map<String, String> properties(ServiceCatalog.Descriptor service, int port) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.http.host", "127.0.0.1");
        p.put("quarkus.http.port", String.valueOf(port));
        p.put("quarkus.log.file.enabled", "false");
        String database = Service.database(service);
        if (database != null) {
            p.put("quarkus.datasource.username", DB_USER);
            p.put("quarkus.datasource.password", DB_PASSWORD);
            p.put("quarkus.datasource.reactive.url", "postgresql://" + PG + "/" + database);
            p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + PG + "/" + database);
        }
        if (service.redis()) {
            p.put("quarkus.redis.hosts", "redis://" + REDIS + "/" + REDIS_DB);
        }
        // Services that do not check service credentials yet ignore it.
        p.put("guichet.service-auth.secret", serviceAuthSecret);
        if (service.isProvider()) {
            p.put("guichet.provider.mode", "sandbox");
            peer(p, "guichet.provider.public-base-url", "gateway", "");
        }
        switch (service.name()) {
            case "trace" -> {
                p.put("guichet.trace.ingestion.clients.gateway", gatewayTraceSecret);
                p.put("guichet.trace.ingestion.clients.token-service", tokenTraceSecret);
                peer(p, "guichet.trace.jwks-url", "token", "/.well-known/jwks.json");
                if (services.contains("gateway")) {
                    // The providers' availability per day, from the gateway's public /pings.
                    peer(p, "guichet.trace.availability.pings-url", "gateway", "");
                }
            }
            case "token" -> {
                p.put("guichet.token.admin.bootstrap-secret", adminSecret);
                p.put("guichet.token.keys.master-key", masterKey);
                peer(p, "guichet.token.trace-service.url", "trace", "");
                p.put("guichet.token.trace-service.secret", tokenTraceSecret);
                if (services.contains(PORTAL)) {
                    // The partner dashboard is the portal: its address in mails, its page for the magic link.
                    peer(p, "guichet.token.dashboard-url", PORTAL, "");
                    peer(p, "guichet.token.pages.login-url", PORTAL, "/connexion/lien");
                    // The portal forwards the browser's address, which token-service throttles by.
                    p.put("quarkus.http.proxy.proxy-address-forwarding", "true");
                    p.put("quarkus.http.proxy.allow-x-forwarded", "true");
                    p.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1");
                }
                if (mailbox != null) {
                    p.putAll(mailbox.mailerProperties());
                }
            }
            case "gateway" -> {
                peer(p, "guichet.gateway.token-service.url", "token", "");
                peer(p, "guichet.gateway.trace-service.url", "trace", "");
                p.put("guichet.gateway.trace-service.secret", gatewayTraceSecret);
                for (ServiceCatalog.Descriptor provider : catalog.providers()) {
                    peer(p, "guichet.gateway.providers." + provider.provider() + ".url", provider.name(), "");
                }
                p.put("guichet.gateway.journal.dir", logDir.resolve("journal-" + port).toString());
            }
            case PORTAL -> {
                peer(p, "guichet.portal.public-url", PORTAL, "");
                peer(p, "guichet.portal.token-service-url", "token", "");
                peer(p, "guichet.portal.gateway-url", "gateway", "");
                peer(p, "guichet.portal.trace-service-url", "trace", "");
                p.put("guichet.portal.session.secret", portalSessionSecret);
            }
            default -> {
                // providers: above
            }
        }
        p.putAll(extra.getOrDefault(service.name(), Map.of()));
        return p;
    }

    /** Ports are chosen up front so that peers know each other's URLs before they start. */
    private int port(String serviceName) {
        return ports.computeIfAbsent(serviceName, s -> LoopbackPorts.next());
    }

    private void peer(Map<String, String> p, String key, String peer, String path) {
        p.put(key, "http://127.0.0.1:" + port(peer) + path);
    }

    private ServiceProcess newInstance(ServiceCatalog.Descriptor service, String name, Map<String, String> overrides) {
        boolean primary = !instances.containsKey(service.name()) && name.equals(service.module());
        int port = primary ? port(service.name()) : LoopbackPorts.next();
        Map<String, String> props = properties(service, port);
        props.putAll(overrides);
        List<String> command = ServiceProcess.command(service, executable(service), nativeMode, props);
        return new ServiceProcess(service, name, command, port, logDir.resolve(name + "-" + port + ".log"));
    }

    private Path executable(ServiceCatalog.Descriptor service) {
        Path target = root.resolve(service.module()).resolve("target");
        if (!nativeMode) {
            Path jar = target.resolve("quarkus-app").resolve("quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
            }
            return jar;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner") && Files.isExecutable(f))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No native executable in " + target + " (build with -Pnative)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- Admin helpers: what an operator does through token-service's admin API ---

    /** An admin session token from token-service's bootstrap endpoint. */
    public String adminToken() {
        String basic = Base64.getEncoder().encodeToString(("admin:" + adminSecret).getBytes(StandardCharsets.UTF_8));
        JsonNode body = send(HttpRequest.newBuilder(URI.create(url(Service.TOKEN) + "/auth/admin-tokens"))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
        return body.get("access_token").asText();
    }

    /** A fresh organisation with a unique valid SIRET, a validated habilitation and its token. */
    public IssuedToken issueToken(List<String> scopes, int ratePerMinute) {
        return issueToken(scopes, Map.of("rate_limit_per_minute", ratePerMinute));
    }

    public IssuedToken issueToken(List<String> scopes, Map<String, Object> habilitationOverrides) {
        String admin = adminToken();
        String siret = uniqueSiret();
        post(admin, "/admin/organisations", Map.of("siret", siret, "name", "Organisation de test " + siret), 201);
        Map<String, Object> habilitation = new LinkedHashMap<>();
        habilitation.put("organisation_siret", siret);
        habilitation.put("api_kind", "entreprise");
        habilitation.put("intitule", "Démarche de test " + UUID.randomUUID());
        habilitation.put("legal_basis", "Article L. 114-8 du code des relations entre le public et l'administration");
        habilitation.put("scopes", scopes);
        habilitation.put("rate_limit_per_minute", 250);
        habilitation.put("allowed_ips", List.of());
        habilitation.put("environment", "sandbox");
        Map<String, Object> contact = Map.of("email", "contact-" + siret + "@example.org", "phone", "0102030405");
        habilitation.put("contacts", Map.of("demandeur", contact, "technique", contact, "metier", contact));
        habilitation.putAll(habilitationOverrides);
        JsonNode created = post(admin, "/admin/habilitations", habilitation, 201);
        String habilitationId = created.get("id").asText();
        JsonNode issued = post(admin, "/admin/habilitations/" + habilitationId + "/validate",
                Map.of("reason", "Habilitation de test"), 201);
        return new IssuedToken(issued.get("jti").asText(), issued.get("token").asText(), habilitationId, siret);
    }

    public JsonNode post(String bearer, String path, Object body, int expectedStatus) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url(Service.TOKEN) + path))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), expectedStatus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expectedStatus) {
                throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode()
                        + " (expected " + expectedStatus + "): " + r.body());
            }
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A checksum-valid SIRET that no other run uses (SIREN prefix 9xx is unassigned by INSEE). */
    public static String uniqueSiret() {
        String base = String.format("9%08d%04d", Math.floorMod(System.nanoTime(), 100_000_000), SIRET_SEQ.incrementAndGet() % 10_000);
        for (int check = 0; check < 10; check++) {
            String candidate = base + check;
            if (luhn(candidate) && luhn(candidate.substring(0, 9))) {
                return candidate;
            }
        }
        return uniqueSiret();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @Override
    public synchronized void close() {
        running = false;
        synchronized (GuichetStack.class) {
            if (givingWay == this) {
                givingWay = null;
            }
        }
        for (ServiceProcess p : additional) {
            p.stop();
        }
        List<String> reverse = new ArrayList<>(instances.keySet());
        java.util.Collections.reverse(reverse);
        for (String s : reverse) {
            instances.get(s).stop();
        }
        if (mailbox != null) {
            mailbox.close();
            mailbox = null;
        }
        releaseRunLock();
    }

    /** Key of the PostgreSQL advisory lock that one stack holds while it runs. */
    private static final long RUN_LOCK = 0x4775696368657449L;

    private java.sql.Connection runLock;

    /**
     * Stacks share the integration-test databases and reset them at start: two test runs on one
     * machine (a developer's and CI's, say) take turns instead of clearing each other's data. The
     * lock lives as long as this connection, so a crashed run releases it by itself.
     */
    private void acquireRunLock() {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        try {
            runLock = java.sql.DriverManager.getConnection("jdbc:postgresql://" + PG + "/" + Service.database(catalog.get("token")),
                    DB_USER, DB_PASSWORD);
            boolean announced = false;
            while (true) {
                try (java.sql.Statement st = runLock.createStatement();
                        java.sql.ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + RUN_LOCK + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Another Guichet test run has held the integration databases for 20 minutes");
                }
                if (!announced) {
                    System.err.println("[guichet-stack] another test run uses the integration databases; waiting for it");
                    announced = true;
                }
                ServiceProcess.sleep(1000);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + PG + " (did scripts/infra.sh run?)", e);
        }
    }

    private void releaseRunLock() {
        if (runLock != null) {
            try {
                runLock.close();
            } catch (java.sql.SQLException e) {
                // closing the session releases the lock anyway
            }
            runLock = null;
        }
    }

    /**
     * Each stack starts from empty databases, so that a run never depends on what an earlier run
     * left (organisations, signing keys sealed with another key, trace chains).
     */
    private static void resetDatabase(String database) {
        String url = "jdbc:postgresql://" + PG + "/" + database;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, DB_USER, DB_PASSWORD);
                java.sql.Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot reset " + url + " (did scripts/infra.sh run?)", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    private static String randomSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
    }

    /** A validated habilitation's token. */
    public record IssuedToken(String jti, String token, String habilitationId, String siret) {
    }

    public static final class Builder {
        private final Set<String> services = new LinkedHashSet<>();
        private final Map<String, Map<String, String>> extra = new HashMap<>();
        private Path root;
        private Path logDir;
        private Duration readyTimeout = Duration.ofSeconds(120);
        private boolean withMailbox;
        private final List<Runnable> onRunLock = new ArrayList<>();

        public Builder with(Service... chosen) {
            for (Service s : chosen) {
                services.add(s.serviceName());
            }
            return this;
        }

        /**
         * Runs these services of services.yml (short names); when none is chosen, all of them but the
         * web portal ({@link GuichetStack#PORTAL}), which a stack runs only when named.
         */
        public Builder with(String... serviceNames) {
            services.addAll(List.of(serviceNames));
            return this;
        }

        public Builder property(Service service, String key, String value) {
            return property(service.serviceName(), key, value);
        }

        /** A property for a service of services.yml, by short name, over the stack's own. */
        public Builder property(String serviceName, String key, String value) {
            extra.computeIfAbsent(serviceName, s -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /**
         * Starts a {@link TestMailbox} with the stack and sends token-service's mails there (its
         * production mailer over SMTP) instead of its mock mailbox.
         */
        public Builder withMailbox() {
            this.withMailbox = true;
            return this;
        }

        /**
         * Work on the shared integration databases (such as resetting a schema) that must wait for
         * the machine-wide run lock: run once the lock is held, before any service starts, so that a
         * run still waiting for the lock never changes the databases of the one that holds it.
         */
        public Builder onRunLock(Runnable work) {
            onRunLock.add(work);
            return this;
        }

        public Builder root(Path repositoryRoot) {
            this.root = repositoryRoot;
            return this;
        }

        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        public GuichetStack start() {
            return new GuichetStack(this).start();
        }
    }
}
