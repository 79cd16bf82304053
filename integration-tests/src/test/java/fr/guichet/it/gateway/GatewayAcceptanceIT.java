package fr.guichet.it.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import fr.guichet.it.Schemas;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import fr.guichet.testing.ServiceProcess;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * gateway-service's acceptance, every hop real: token-service, trace-service, the three providers
 * in sandbox mode and two gateway instances, all sharing a redis-server of this test's own (so
 * that it can be stopped without disturbing anything else on the machine).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayAcceptanceIT {

    static final String RECIPIENT = "13002526500013";
    static final List<String> ALL_SCOPES = List.of("unites_legales_etablissements_insee", "entreprises", "etablissements",
            "open_data", "attestations_fiscales", "chiffre_affaires_dgfip", "liasses_fiscales_dgfip",
            "liens_capitalistiques_dgfip", "attestations_sociales", "effectifs_urssaf");
    static final String INSEE_PATH = "/v3/insee/sirene/unites_legales/775672272";
    static final String DGFIP_PATH = "/v3/dgfip/unites_legales/552049447/liens_capitalistiques/2022";
    static final Duration DGFIP_TIMEOUT = Duration.ofSeconds(2);

    static final String SCHEMA = "gateway_acceptance";

    static PrivateRedis redis;
    static GuichetStack stack;
    static ServiceProcess gatewayB;
    static IssuedToken token;

    @BeforeAll
    static void startSuite() {
        Path logs = Path.of("target", "it-logs", "gateway").toAbsolutePath();
        redis = new PrivateRedis().start(logs);
        // Only what the tests call: the routes of INSEE, DGFIP and URSSAF/GIP-MDS (provider-acoss).
        GuichetStack.Builder builder = GuichetStack.builder().logDir(logs)
                .with(Service.TRACE, Service.TOKEN, Service.INSEE, Service.DGFIP, Service.ACOSS, Service.GATEWAY);
        // Own schemas in the integration databases: a fresh state every run, shared with no other test.
        Schemas.ownSchemas(builder, SCHEMA);
        for (Service s : Service.values()) {
            if (s.usesRedis()) {
                builder.property(s, "quarkus.redis.hosts", redis.url());
            }
        }
        stack = builder
                .property(Service.GATEWAY, "guichet.gateway.providers.dgfip.timeout", "PT" + DGFIP_TIMEOUT.toSeconds() + "S")
                .start();
        // The second replica shares Redis; it also has URSSAF/ACOSS in a maintenance window all day
        // and the operator's incident switch cutting DGFIP.
        gatewayB = stack.startInstance(Service.GATEWAY, "gateway-service-b",
                Map.of("guichet.gateway.providers.acoss.maintenance-windows", "00:00-23:59:59",
                        "guichet.gateway.incident.cut-providers", "dgfip"));
        token = stack.issueToken(ALL_SCOPES, 5000);
    }

    @AfterAll
    static void stopSuite() {
        if (stack != null) {
            stack.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    static Connection connect(String database) throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + GuichetStack.PG + "/" + database,
                GuichetStack.DB_USER, GuichetStack.DB_PASSWORD);
    }

    static RequestSpecification call(String gateway, IssuedToken t) {
        RequestSpecification spec = given().baseUri(gateway)
                .queryParam("context", "Contrôle des aides publiques")
                .queryParam("object", "Dossier " + UUID.randomUUID())
                .queryParam("recipient", RECIPIENT);
        return t == null ? spec : spec.header("Authorization", "Bearer " + t.token());
    }

    static String gatewayA() {
        return stack.url(Service.GATEWAY);
    }

    // ---------------------------------------------------------------------------------------
    @Test
    @Order(1)
    void everyServedRouteAnswers200WithABodyValidAgainstTheOfficialSchema() throws Exception {
        String spec;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("guichet/reference/openapi-entreprise.yaml")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The official document declares a few properties as "type: date", which is not an OpenAPI
        // type; read them as the string dates they are so that the validator can use the schema.
        spec = spec.replaceAll("(?m)^([ ]*)type: date[ \\t]*$", "$1type: string\n$1format: date");
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
        Map<String, String> calls = new LinkedHashMap<>();
        for (String v : List.of("v3", "v4")) {
            calls.put("/" + v + "/insee/sirene/unites_legales/775672272", "");
            calls.put("/" + v + "/insee/sirene/unites_legales/diffusibles/775672272", "");
            calls.put("/" + v + "/insee/sirene/unites_legales/775672272/siege_social", "");
            calls.put("/" + v + "/insee/sirene/unites_legales/diffusibles/775672272/siege_social", "");
            calls.put("/" + v + "/insee/sirene/etablissements/30613890001294", "");
            calls.put("/" + v + "/insee/sirene/etablissements/diffusibles/77567227221138", "");
            calls.put("/" + v + "/dgfip/unites_legales/418166096/attestation_fiscale", "");
        }
        // URSSAF v4 and chiffres d'affaires are served from Guichet's sandbox cases with
        // checksum-valid identifiers (the reference's own cases fail the checksum the gateway enforces).
        calls.put("/v3/urssaf/unites_legales/418166096/attestation_vigilance", "");
        calls.put("/v4/urssaf/unites_legales/418166096/attestation_vigilance", "");
        calls.put("/v3/dgfip/etablissements/13002526500013/chiffres_affaires", "");
        calls.put("/v3/insee/sirene/etablissements/77567227221138/adresse", "");
        calls.put("/v3/insee/sirene/etablissements/diffusibles/77567227221138/adresse", "");
        calls.put("/v3/insee/sirene/etablissements/30613890001286/successions", "");
        calls.put("/v3/dgfip/unites_legales/306138900/liasses_fiscales/2024", "");
        calls.put(DGFIP_PATH, "");
        calls.put("/v3/gip_mds/unites_legales/130025265/effectifs_annuels/2022", "");
        calls.put("/v3/gip_mds/etablissements/13002526500013/effectifs_mensuels/06/annee/2024", "nature_effectif=boeth");

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> c : calls.entrySet()) {
            RequestSpecification request = call(gatewayA(), token);
            if (!c.getValue().isEmpty()) {
                String[] kv = c.getValue().split("=");
                request.queryParam(kv[0], kv[1]);
            }
            Response r = request.when().get(c.getKey());
            if (r.statusCode() != 200) {
                failures.add(c.getKey() + " → " + r.statusCode() + " " + abbreviate(r.asString()));
                continue;
            }
            assertEquals(r.header("X-Request-ID") != null, true);
            assertTrue(r.header("RateLimit-Limit") != null && r.header("RateLimit-Remaining") != null
                    && r.header("RateLimit-Reset") != null, "rate-limit headers on " + c.getKey());
            ValidationReport report = validator.validateResponse(c.getKey(), Request.Method.GET,
                    SimpleResponse.Builder.ok().withContentType("application/json").withBody(r.asString()).build());
            if (report.hasErrors()) {
                failures.add(c.getKey() + " → schema: " + abbreviate(report.getMessages().toString()));
            }
        }
        assertTrue(failures.isEmpty(), "routes failing their contract:\n" + String.join("\n", failures));
    }

    // ---------------------------------------------------------------------------------------
    @Test
    @Order(2)
    void eachPlatformErrorIsProduced() {
        // 401 00101: no token, then a forged one.
        call(gatewayA(), null).when().get(INSEE_PATH).then().statusCode(401).body("errors[0].code", equalTo("00101"));
        given().baseUri(gatewayA()).header("X-Api-Key", token.token().substring(0, token.token().length() - 4) + "AAAA")
                .when().get(INSEE_PATH).then().statusCode(401).body("errors[0].code", equalTo("00101"));
        // X-Api-Key and ?token= carry the same token as the Bearer header.
        call(gatewayA(), null).header("X-Api-Key", token.token()).when().get(INSEE_PATH).then().statusCode(200);
        call(gatewayA(), null).queryParam("token", token.token()).when().get(INSEE_PATH).then().statusCode(200);

        // The partners' API description is /openapi; the generated /q/openapi described nothing
        // (paths: {}) and is not served by the built gateway (test mode still serves it).
        given().baseUri(gatewayA()).when().get("/q/openapi").then().statusCode(404);
        given().baseUri(gatewayA()).when().get("/openapi").then().statusCode(200);

        // 403 00100: valid token without the scope.
        IssuedToken dgfipOnly = stack.issueToken(List.of("attestations_fiscales"), 100);
        Response forbidden = call(gatewayA(), dgfipOnly).when().get(INSEE_PATH);
        forbidden.then().statusCode(403).body("errors[0].code", equalTo("00100"))
                // It names the scopes that would open the route and where to list one's own.
                .body("errors[0].meta.missing_scopes", equalTo(List.of("entreprises", "unites_legales_etablissements_insee")))
                .body("errors[0].detail", not(containsString("/v2/privileges")));
        String privileges = forbidden.jsonPath().getString("errors[0].meta.privileges_url");
        assertTrue(privileges.endsWith("/privileges"), privileges);
        // ...and that place answers (API Entreprise's /v2/privileges is a 404 on Guichet).
        call(gatewayA(), dgfipOnly).when().get(privileges.startsWith("http") ? privileges : gatewayA() + privileges)
                .then().statusCode(200).body("data.privileges", equalTo(List.of("attestations_fiscales")));

        // 403 00107: caller outside the habilitation's allowed_ips.
        IssuedToken elsewhere = stack.issueToken(ALL_SCOPES, Map.of("allowed_ips", List.of("10.0.0.0/8")));
        call(gatewayA(), elsewhere).when().get(INSEE_PATH).then().statusCode(403).body("errors[0].code", equalTo("00107"));
        // /privileges applies the same allow-list as the data routes.
        given().baseUri(gatewayA()).header("Authorization", "Bearer " + elsewhere.token()).when().get("/privileges")
                .then().statusCode(403).body("errors[0].code", equalTo("00107"));

        // 422: the three traceability parameters together, then recipient, SIREN, SIRET.
        given().baseUri(gatewayA()).header("Authorization", "Bearer " + token.token()).when().get(INSEE_PATH)
                .then().statusCode(422).body("errors.code", equalTo(List.of("00201", "00202", "00203")));
        given().baseUri(gatewayA()).header("Authorization", "Bearer " + token.token())
                .queryParam("context", "c").queryParam("object", "o").queryParam("recipient", "13002526500012")
                .when().get(INSEE_PATH).then().statusCode(422).body("errors[0].code", equalTo("00210"));
        call(gatewayA(), token).when().get("/v3/insee/sirene/unites_legales/775672273")
                .then().statusCode(422).body("errors[0].code", equalTo("00301"));
        call(gatewayA(), token).when().get("/v3/insee/sirene/etablissements/30613890001295")
                .then().statusCode(422).body("errors[0].code", equalTo("00302"));

        // 404 00402 unknown version, 410 removed route.
        call(gatewayA(), token).when().get("/v2/insee/sirene/unites_legales/775672272")
                .then().statusCode(404).body("errors[0].code", equalTo("00402"));
        call(gatewayA(), token).when().get("/v3/gip_mds/unites_legales/130025265/effectifs_mensuels/06/annee/2024")
                .then().statusCode(410);

        // 429 00429 with Retry-After once the habilitation's quota is spent.
        IssuedToken two = stack.issueToken(ALL_SCOPES, 2);
        call(gatewayA(), two).when().get(INSEE_PATH).then().statusCode(200).header("RateLimit-Limit", "2")
                .header("RateLimit-Remaining", "1");
        call(gatewayA(), two).when().get(INSEE_PATH).then().statusCode(200).header("RateLimit-Remaining", "0");
        call(gatewayA(), two).when().get(INSEE_PATH).then().statusCode(429)
                .body("errors[0].code", equalTo("00429")).header("Retry-After", notNullValue());

        // 503 04020 with meta.retry_in: URSSAF in its maintenance window on gateway B.
        call(gatewayB.url(), token).when().get("/v3/urssaf/unites_legales/418166096/attestation_vigilance")
                .then().statusCode(503).body("errors[0].code", equalTo("04020")).body("errors[0].meta.retry_in", notNullValue());

        // 503 03020: DGFIP cut by the incident switch on gateway B; /ping says maintenance.
        call(gatewayB.url(), token).when().get(DGFIP_PATH)
                .then().statusCode(503).body("errors[0].code", equalTo("03020")).body("errors[0].meta.retry_in", equalTo(3600));
        given().baseUri(gatewayB.url()).when().get("/ping/dgfip").then().statusCode(503).body("status", equalTo("maintenance"));
        given().baseUri(gatewayA()).when().get("/ping/insee").then().statusCode(200).body("status", equalTo("ok"));

        // 410 00403: a document link that does not (or no longer) exist.
        given().baseUri(gatewayA()).when().get("/proxy/files/" + UUID.randomUUID())
                .then().statusCode(410).body("errors[0].code", equalTo("00403"));

        // /privileges lists the caller's scopes.
        given().baseUri(gatewayA()).header("Authorization", "Bearer " + dgfipOnly.token()).when().get("/privileges")
                .then().statusCode(200).body("data.privileges", equalTo(List.of("attestations_fiscales")));
    }

    @Test
    @Order(3)
    void documentLinksDownloadThePdf() {
        String url = call(gatewayA(), token).when().get("/v3/dgfip/unites_legales/418166096/attestation_fiscale")
                .then().statusCode(200).extract().path("data.document_url");
        String path = url.substring(url.indexOf("/proxy/files/"));
        byte[] pdf = given().baseUri(gatewayA()).when().get(path).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    @Order(4)
    void providerDownIs502WithItsPrefix() {
        ServiceProcess acoss = stack.instance(Service.ACOSS);
        acoss.stop();
        try {
            call(gatewayA(), token).when().get("/v3/gip_mds/unites_legales/130025265/effectifs_annuels/2022")
                    .then().statusCode(502).body("errors[0].code", equalTo("31001"));
            call(gatewayA(), token).when().get("/v3/urssaf/unites_legales/418166096/attestation_vigilance")
                    .then().statusCode(502).body("errors[0].code", equalTo("04001"));
        } finally {
            acoss.start(Duration.ofSeconds(120));
        }
    }

    // ---------------------------------------------------------------------------------------
    @Test
    @Order(10)
    void twoGatewaysSharingRedisGrantExactlyTheQuota() {
        int n = 10;
        IssuedToken limited = stack.issueToken(ALL_SCOPES, n);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 3 * n; i++) {
            String gateway = i % 2 == 0 ? gatewayA() : gatewayB.url();
            int status = call(gateway, limited).when().get(INSEE_PATH).statusCode();
            if (status == 200) {
                accepted++;
            } else if (status == 429) {
                refused++;
            }
        }
        assertTrue(Math.abs(accepted - n) <= 1, "accepted " + accepted + " of " + 3 * n + " for a quota of " + n + "/min");
        assertEquals(3 * n, accepted + refused);
    }

    /** A habilitation limited to 2/min serves 2 calls in the minute, whether through its long-lived token or OAuth2 access tokens. */
    @Test
    @Order(11)
    void theHabilitationsQuotaIsSharedByAllItsTokens() {
        IssuedToken longLived = stack.issueToken(ALL_SCOPES, 2);
        var client = stack.post(stack.adminToken(), "/admin/oauth-clients", Map.of("habilitation_id", longLived.habilitationId()), 201);
        List<String> bearers = new ArrayList<>(List.of(longLived.token()));
        for (int i = 0; i < 3; i++) {
            bearers.add(given().baseUri(stack.url(Service.TOKEN))
                    .auth().preemptive().basic(client.get("client_id").asText(), client.get("client_secret").asText())
                    .formParam("grant_type", "client_credentials")
                    .when().post("/oauth/token").then().statusCode(200).extract().path("access_token"));
        }
        int served = 0;
        for (int round = 0; round < 2; round++) {
            for (String bearer : bearers) {
                int status = call(gatewayA(), null).header("Authorization", "Bearer " + bearer).when().get(INSEE_PATH).statusCode();
                assertTrue(status == 200 || status == 429, "status " + status);
                served += status == 200 ? 1 : 0;
            }
        }
        assertEquals(2, served, "calls served in the minute for a habilitation limited to 2/min, over its 4 tokens");
    }

    // ---------------------------------------------------------------------------------------
    @Test
    @Order(20)
    void hungDgfipTimesOutWithoutSlowingInsee() throws Exception {
        // Warm both paths so that latencies compare like with like.
        call(gatewayA(), token).when().get(INSEE_PATH).then().statusCode(200);
        long pid = Processes.pid(stack.instance(Service.DGFIP));
        Processes.signal(pid, "STOP");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            String object = "Dossier figé " + UUID.randomUUID();
            List<Future<long[]>> dgfip = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String obj = i == 0 ? object : object + i;
                dgfip.add(pool.submit(() -> timed(() -> given().baseUri(gatewayA())
                        .header("Authorization", "Bearer " + token.token())
                        .queryParam("context", "c").queryParam("object", obj).queryParam("recipient", RECIPIENT)
                        .when().get(DGFIP_PATH))));
            }
            Thread.sleep(300);
            // The identical call while the first is in flight: 409 00015 at once.
            given().baseUri(gatewayA()).header("Authorization", "Bearer " + token.token())
                    .queryParam("context", "c").queryParam("object", object).queryParam("recipient", RECIPIENT)
                    .when().get(DGFIP_PATH).then().statusCode(409).body("errors[0].code", equalTo("00015"));
            long worstInsee = 0;
            for (int i = 0; i < 10; i++) {
                long[] r = timed(() -> call(gatewayA(), token).when().get(INSEE_PATH));
                assertEquals(200, r[0]);
                worstInsee = Math.max(worstInsee, r[1]);
            }
            assertTrue(worstInsee < 1000, "INSEE kept its latency while DGFIP hangs: worst " + worstInsee + " ms");
            for (Future<long[]> f : dgfip) {
                long[] r = f.get();
                assertEquals(504, r[0]);
                assertTrue(r[1] < DGFIP_TIMEOUT.toMillis() + 1500, "504 within the configured timeout, took " + r[1] + " ms");
            }
            call(gatewayA(), token).when().get(DGFIP_PATH).then().statusCode(504).body("errors[0].code", equalTo("03002"));
        } finally {
            Processes.signal(pid, "CONT");
            pool.shutdownNow();
        }
    }

    static long[] timed(java.util.function.Supplier<Response> request) {
        long start = System.nanoTime();
        Response r = request.get();
        return new long[] {r.statusCode(), (System.nanoTime() - start) / 1_000_000};
    }

    // ---------------------------------------------------------------------------------------
    @Test
    @Order(30)
    void traceServiceOutageLosesAndDuplicatesNothing() throws Exception {
        ServiceProcess trace = stack.instance(Service.TRACE);
        trace.stop();
        List<String> requestIds = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                String id = "outage-" + UUID.randomUUID();
                String gateway = i % 2 == 0 ? gatewayA() : gatewayB.url();
                RequestSpecification r = i % 3 == 2
                        ? given().baseUri(gateway).header("Authorization", "Bearer " + token.token())   // 422
                        : call(gateway, token);
                int status = r.header("X-Request-ID", id).when().get(INSEE_PATH).statusCode();
                assertTrue(status == 200 || status == 422, "status " + status);
                requestIds.add(id);
            }
        } finally {
            trace.start(Duration.ofSeconds(120));
        }
        String sql = "select request_id, count(*) from " + SCHEMA + ".trace_event where request_id like 'outage-%' group by request_id";
        Map<String, Integer> counts = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            counts.clear();
            try (Connection c = connect(Service.TRACE.database());
                 PreparedStatement st = c.prepareStatement(sql);
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            if (counts.keySet().containsAll(requestIds)) {
                break;
            }
            Thread.sleep(500);
        }
        for (String id : requestIds) {
            assertEquals(1, counts.getOrDefault(id, 0), "trace rows for " + id);
        }
    }

    // ---------------------------------------------------------------------------------------
    @Test
    @Order(35)
    void incidentSwitchSetThroughTokenServiceCutsBothReplicasWithinFiveSecondsAndIsLifted() throws Exception {
        String admin = stack.adminToken();
        String reason = "Panne de l'INSEE " + UUID.randomUUID();
        call(gatewayA(), token).when().get(INSEE_PATH).then().statusCode(200);

        putIncident(admin, Map.of("data_plane_cut", false, "cut_providers", List.of("insee"), "retry_in", 120, "reason", reason))
                .statusCode(200).body("cut_providers", equalTo(List.of("insee"))).body("reason", equalTo(reason));
        long cutAt = System.nanoTime();
        for (String gateway : List.of(gatewayA(), gatewayB.url())) {
            awaitStatus(gateway, INSEE_PATH, 503, cutAt);
            call(gateway, token).when().get(INSEE_PATH).then().statusCode(503)
                    .body("errors[0].code", equalTo("01020")).body("errors[0].meta.retry_in", equalTo(120))
                    .header("Retry-After", "120");
            given().baseUri(gateway).when().get("/ping/insee").then().statusCode(503)
                    .body("status", equalTo("maintenance")).body("reason", equalTo(reason));
            // Only INSEE is cut at runtime (gateway B's DGFIP is cut by its static setting).
            given().baseUri(gateway).when().get("/ping/urssaf").then()
                    .body("reason", gateway.equals(gatewayA()) ? org.hamcrest.Matchers.nullValue()
                            : equalTo("Fenêtre de maintenance du fournisseur."));
        }
        given().baseUri(stack.url(Service.TOKEN)).header("Authorization", "Bearer " + admin)
                .when().get("/admin/incident").then().statusCode(200).body("reason", equalTo(reason));

        putIncident(admin, Map.of("data_plane_cut", false, "cut_providers", List.of(), "reason", "Fin de la panne"))
                .statusCode(200);
        long liftedAt = System.nanoTime();
        for (String gateway : List.of(gatewayA(), gatewayB.url())) {
            awaitStatus(gateway, INSEE_PATH, 200, liftedAt);
            given().baseUri(gateway).when().get("/ping/insee").then().body("reason", org.hamcrest.Matchers.nullValue());
        }
        // Gateway B's static switch still cuts DGFIP: either source cuts.
        call(gatewayB.url(), token).when().get(DGFIP_PATH).then().statusCode(503).body("errors[0].code", equalTo("03020"));
    }

    static io.restassured.response.ValidatableResponse putIncident(String admin, Map<String, Object> body) {
        return given().baseUri(stack.url(Service.TOKEN)).header("Authorization", "Bearer " + admin)
                .contentType(io.restassured.http.ContentType.JSON).body(body).when().put("/admin/incident").then();
    }

    /** Polls until {@code path} answers {@code status} on {@code gateway}; fails past 5 s after {@code sinceNanos}. */
    static void awaitStatus(String gateway, String path, int status, long sinceNanos) throws InterruptedException {
        int last;
        while ((last = call(gateway, token).when().get(path).statusCode()) != status) {
            assertTrue(System.nanoTime() - sinceNanos < Duration.ofSeconds(5).toNanos(),
                    gateway + path + " still answers " + last + " 5 s after the switch");
            Thread.sleep(100);
        }
    }

    // ---------------------------------------------------------------------------------------
    @Test
    @Order(40)
    void revokedTokenRefusedByBothWithinOneSecondAndStillWithRedisStopped() throws Exception {
        IssuedToken victim = stack.issueToken(ALL_SCOPES, 1000);
        IssuedToken bystander = stack.issueToken(ALL_SCOPES, 1000);
        call(gatewayA(), victim).when().get(INSEE_PATH).then().statusCode(200);
        call(gatewayB.url(), victim).when().get(INSEE_PATH).then().statusCode(200);
        call(gatewayB.url(), bystander).when().get(INSEE_PATH).then().statusCode(200);
        // Each replica keeps its own copy of the states it has read: with Redis away, a token a replica
        // has never seen is checked with token-service, or refused (503 00253) if nobody can tell.
        call(gatewayA(), bystander).when().get(INSEE_PATH).then().statusCode(200);

        stack.post(stack.adminToken(), "/admin/tokens/" + victim.jti() + "/revoke", Map.of("reason", "Jeton divulgué"), 200);
        long revokedAt = System.nanoTime();
        for (String gateway : List.of(gatewayA(), gatewayB.url())) {
            call(gateway, victim).when().get(INSEE_PATH).then().statusCode(401).body("errors[0].code", equalTo("00105"));
        }
        assertTrue((System.nanoTime() - revokedAt) / 1_000_000 < 1000, "refused by both within 1 s");

        redis.stop();
        for (String gateway : List.of(gatewayA(), gatewayB.url())) {
            call(gateway, victim).when().get(INSEE_PATH).then().statusCode(401).body("errors[0].code", equalTo("00105"));
            // Calls go on under local limits: the gateway is degraded, not down.
            call(gateway, bystander).when().get(INSEE_PATH).then().statusCode(200);
        }
        given().baseUri(gatewayA()).when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("guichet_gateway_degraded 1.0"));

        // A replica restarted during the outage starts from its persisted revoked set: still refused.
        gatewayB.stop();
        gatewayB.start(Duration.ofSeconds(120));
        call(gatewayB.url(), victim).when().get(INSEE_PATH).then().statusCode(401).body("errors[0].code", equalTo("00105"));
    }

    static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

}
