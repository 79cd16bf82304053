package fr.guichet.it.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.security.ServiceCredentials;
import fr.guichet.common.trace.UuidV7;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * token-service with the real trace-service, both run from their built jars in the production
 * profile: admin actions reach the trace log exactly once, across a trace-service outage, and a
 * partner's dashboard reads its own token's traces through token-service, never another
 * organisation's.
 */
class TokenTraceIT {

    static final String SCOPE = "unites_legales_etablissements_insee";
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);

    static SmtpMailbox mailbox;
    static GuichetStack stack;

    @BeforeAll
    static void start() throws Exception {
        mailbox = new SmtpMailbox();
        stack = GuichetStack.builder().with(Service.TRACE, Service.TOKEN)
                // the outbox shipper runs every second instead of five, to keep the run short
                .property(Service.TOKEN, "guichet.token.trace-service.ship-every", "1s")
                // production mailer over SMTP (no mock), to the loopback mailbox
                .property(Service.TOKEN, "quarkus.mailer.mock", "false")
                .property(Service.TOKEN, "quarkus.mailer.host", "127.0.0.1")
                .property(Service.TOKEN, "quarkus.mailer.port", String.valueOf(mailbox.port()))
                .property(Service.TOKEN, "quarkus.mailer.start-tls", "DISABLED")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }

    // --- ENSU DOCUMENTS scopes (Guichet extension catalogue) in the packaged service -----------

    @Test
    void ensuDocumentsTokensAreIssuedByThePackagedService() {
        List<String> ensu = List.of("ensu_documents_declaratives_dgfip", "ensu_documents_bancaires_dgfip",
                "ensu_documents_creances_dgfip", "ensu_documents_paiements_dgfip", "ensu_documents_remboursements_dgfip",
                "ensu_documents_obligations_fiscales_dgfip", "ensu_documents_habilitations_dgfip");
        IssuedToken token = stack.issueToken(ensu, 250);
        // What the gateway reads on a Redis miss (with its service credential), and the claim it checks.
        String credential = new ServiceCredentials(stack.serviceAuthSecret).credentialFor("gateway", "token-service");
        assertEquals(ensu, given().baseUri(stack.url(Service.TOKEN)).header(ServiceCredentials.HEADER, credential)
                .when().get("/internal/tokens/" + token.jti())
                .then().statusCode(200).extract().jsonPath().getList("scopes"));
        String payload = new String(Base64.getUrlDecoder().decode(token.token().split("\\.")[1]), StandardCharsets.UTF_8);
        assertEquals(ensu, JsonPath.from(payload).getList("scopes"));
    }

    // --- a. admin actions reach trace-service, once each, across an outage ---------------------

    @Test
    void adminActionsReachTraceServiceExactlyOnceAcrossAnOutage() throws Exception {
        String admin = stack.adminToken();
        String siret = GuichetStack.uniqueSiret();
        stack.post(admin, "/admin/organisations", Map.of("siret", siret, "name", "Organisation " + siret), 201);
        String habilitation = createHabilitation(admin, siret);
        String jti = stack.post(admin, "/admin/habilitations/" + habilitation + "/validate",
                Map.of("reason", "Dossier complet"), 201).get("jti").asText();
        stack.post(admin, "/admin/tokens/" + jti + "/revoke", Map.of("reason", "Fuite du jeton"), 200);

        Map<String, Long> expected = new TreeMap<>(Map.of(
                "create_organisation", 1L, "create_habilitation", 1L, "validate_habilitation", 1L, "revoke_token", 1L));
        List<Map<String, Object>> traced = awaitAdminTraces(admin, siret, events -> countByAction(events).equals(expected));
        // Each trace is the audit row itself (same id), with its context.
        assertEquals(auditIds(admin, "habilitation", habilitation), idsOf(traced, "create_habilitation", "validate_habilitation"));
        assertEquals(auditIds(admin, "token", jti), idsOf(traced, "revoke_token"));
        Map<String, Object> revoke = only(traced, "revoke_token");
        assertEquals(jti, revoke.get("token_jti"));
        assertEquals(habilitation, revoke.get("habilitation_id"));
        assertEquals("Fuite du jeton", revoke.get("reason"));
        assertEquals("token_service_admin_revoke_token", revoke.get("operation_id"));

        // trace-service goes down: admin actions still succeed, their traces wait in the outbox.
        stack.instance(Service.TRACE).stop();
        String second = createHabilitation(admin, siret);
        String jti2 = stack.post(admin, "/admin/habilitations/" + second + "/validate",
                Map.of("reason", "Dossier complet"), 201).get("jti").asText();
        String jti3 = stack.post(admin, "/admin/tokens/" + jti2 + "/prolong",
                Map.of("reason", "Renouvellement"), 201).get("jti").asText();
        stack.post(admin, "/admin/tokens/" + jti3 + "/revoke", Map.of("reason", "Fin du marché"), 200);
        awaitFailedDeliveryAttempt();
        stack.instance(Service.TRACE).start(Duration.ofSeconds(120));

        Map<String, Long> afterOutage = new TreeMap<>(Map.of(
                "create_organisation", 1L, "create_habilitation", 2L, "validate_habilitation", 2L,
                "prolong_token", 1L, "revoke_token", 2L));
        traced = awaitAdminTraces(admin, siret, events -> countByAction(events).equals(afterOutage));
        assertEquals(auditIds(admin, "token", jti2), idsOf(traced, "prolong_token"));
        assertEquals(auditIds(admin, "token", jti3), traced.stream()
                .filter(e -> "revoke_token".equals(e.get("action")) && jti3.equals(e.get("token_jti")))
                .map(e -> (String) e.get("id")).collect(Collectors.toSet()));
        assertEquals(0, pendingOutboxRows(), "every outbox row delivered");
        // Later shipper runs add nothing: still once each.
        Thread.sleep(3_000);
        assertEquals(afterOutage, countByAction(adminTraces(admin, siret)));
    }

    // --- b. partner dashboard through token-service -------------------------------------------

    @Test
    void partnerSeesItsOwnTokenTracesAndNotAnotherOrganisations() throws Exception {
        IssuedToken a = stack.issueToken(List.of(SCOPE), 250);
        IssuedToken b = stack.issueToken(List.of(SCOPE), 250);
        Instant now = Instant.now();
        List<Map<String, Object>> eventsA = List.of(
                apiCall(a, now.minusSeconds(30), 200, null),
                apiCall(a, now.minusSeconds(20), 200, null),
                apiCall(a, now.minusSeconds(10), 404, "01003"));
        ingest(eventsA, 200);
        ingest(List.of(apiCall(b, now.minusSeconds(5), 200, null)), 200);
        // Re-sending a batch (as the gateway does after a timeout) counts nothing twice.
        ingest(eventsA, 200);

        String session = partnerSession(a);

        String stats = given().baseUri(stack.url(Service.TOKEN)).auth().oauth2(session)
                .when().get("/me/tokens/" + a.jti() + "/stats")
                .then().statusCode(200).extract().asString();
        List<Map<String, Object>> lines = JsonPath.from(stats).getList("data");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (Map<String, Object> line : lines) {
            assertEquals("insee_unites_legales", line.get("operation_id"));
            byStatus.merge((Integer) line.get("status"), ((Number) line.get("count")).intValue(), Integer::sum);
        }
        assertEquals(Map.of(200, 2, 404, 1), byStatus, stats);
        assertTrue(lines.stream().allMatch(l -> l.get("day").equals(today)
                || l.get("day").equals(LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())), stats);

        JsonPath last = given().baseUri(stack.url(Service.TOKEN)).auth().oauth2(session)
                .when().get("/me/tokens/" + a.jti() + "/last-requests")
                .then().statusCode(200).extract().jsonPath();
        // newest first, API calls only (the validation's admin trace is not a request)
        List<String> expectedIds = new ArrayList<>(eventsA.stream().map(e -> (String) e.get("id")).toList());
        Collections.reverse(expectedIds);
        assertEquals(expectedIds, last.getList("data.id"));
        assertEquals("01003", last.getString("data[0].error_code"));
        assertEquals(a.siret(), last.getString("data[0].partner_siret"));

        JsonPath filtered = given().baseUri(stack.url(Service.TOKEN)).auth().oauth2(session).queryParam("status", 404)
                .when().get("/me/tokens/" + a.jti() + "/last-requests")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(expectedIds.get(0)), filtered.getList("data.id"));

        // Organisation B's token, which trace-service does hold traces for: as unknown.
        for (String path : List.of("/stats", "/last-requests")) {
            given().baseUri(stack.url(Service.TOKEN)).auth().oauth2(session)
                    .when().get("/me/tokens/" + b.jti() + path)
                    .then().statusCode(404).body("errors[0].code", equalTo("00003"));
        }
        List<String> own = given().baseUri(stack.url(Service.TOKEN)).auth().oauth2(session)
                .when().get("/me/tokens").then().statusCode(200).extract().jsonPath().getList("data.jti");
        assertEquals(List.of(a.jti()), own);
        // Without a session, nothing.
        given().baseUri(stack.url(Service.TOKEN)).when().get("/me/tokens/" + a.jti() + "/stats").then().statusCode(401);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** The magic-link login a partner goes through: link by e-mail, then exchanged for a session. */
    private static String partnerSession(IssuedToken token) throws Exception {
        String email = "contact-" + token.siret() + "@example.org";
        given().baseUri(stack.url(Service.TOKEN)).contentType(ContentType.JSON).body(Map.of("email", email))
                .when().post("/auth/magic-links").then().statusCode(202);
        SmtpMailbox.Message mail = mailbox.await(email, 0, Duration.ofSeconds(30));
        Matcher link = Pattern.compile("/connexion\\?jeton=([A-Za-z0-9_-]+)").matcher(mail.body());
        assertTrue(link.find(), "login link in the mail: " + mail.body());
        assertTrue(mail.body().contains(token.siret()), mail.body());
        JsonPath session = given().baseUri(stack.url(Service.TOKEN)).contentType(ContentType.JSON)
                .body(Map.of("token", link.group(1)))
                .when().post("/auth/magic-links/session").then().statusCode(200).extract().jsonPath();
        assertEquals(token.siret(), session.getString("siret"));
        // The link works once.
        given().baseUri(stack.url(Service.TOKEN)).contentType(ContentType.JSON).body(Map.of("token", link.group(1)))
                .when().post("/auth/magic-links/session").then().statusCode(401);
        return session.getString("access_token");
    }

    private static Map<String, Object> apiCall(IssuedToken token, Instant at, int status, String errorCode) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", UuidV7.at(at.toEpochMilli()).toString());
        e.put("timestamp", at.toString());
        e.put("kind", "api_call");
        e.put("request_id", UUID.randomUUID().toString());
        e.put("token_jti", token.jti());
        e.put("habilitation_id", token.habilitationId());
        e.put("partner_siret", token.siret());
        e.put("api_kind", "entreprise");
        e.put("method", "GET");
        e.put("operation_id", "insee_unites_legales");
        e.put("path", "/v3/insee/sirene/unites_legales/552049447");
        e.put("parameters", Map.of("context", "Contrôle", "object", "Dossier 1", "recipient", "13002526500013"));
        e.put("client_ip", "192.0.2.10");
        e.put("status", status);
        if (errorCode != null) {
            e.put("error_code", errorCode);
        }
        e.put("provider", "insee");
        e.put("latency_ms", 42);
        return e;
    }

    /** As the gateway does: Basic gateway:&lt;secret&gt; on POST /traces. */
    private static void ingest(List<Map<String, Object>> events, int expectedStatus) {
        given().baseUri(stack.url(Service.TRACE)).auth().preemptive().basic("gateway", stack.gatewayTraceSecret)
                .contentType(ContentType.JSON).body(events)
                .when().post("/traces").then().statusCode(expectedStatus);
    }

    private static String createHabilitation(String admin, String siret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisation_siret", siret);
        body.put("api_kind", "entreprise");
        body.put("intitule", "Aides aux entreprises");
        body.put("legal_basis", "Article L. 114-8 du code des relations entre le public et l'administration");
        body.put("scopes", List.of(SCOPE));
        body.put("allowed_ips", List.of());
        body.put("environment", "sandbox");
        Map<String, Object> contact = Map.of("email", "contact-" + siret + "@example.org");
        body.put("contacts", Map.of("demandeur", contact, "technique", contact, "metier", contact));
        return stack.post(admin, "/admin/habilitations", body, 201).get("id").asText();
    }

    /** Admin traces of one organisation, read from trace-service with an admin session. */
    private static List<Map<String, Object>> adminTraces(String admin, String siret) {
        List<Map<String, Object>> all = given().baseUri(stack.url(Service.TRACE)).auth().oauth2(admin)
                .queryParam("organisation", siret).queryParam("limit", 500)
                .when().get("/admin/traces").then().statusCode(200).extract().jsonPath().getList("data");
        return all.stream().filter(e -> "admin_action".equals(e.get("kind"))).toList();
    }

    private static List<Map<String, Object>> awaitAdminTraces(String admin, String siret,
                                                              Predicate<List<Map<String, Object>>> done) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        List<Map<String, Object>> events = List.of();
        while (System.nanoTime() < deadline) {
            events = adminTraces(admin, siret);
            if (done.test(events)) {
                return events;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("admin traces not delivered within " + DELIVERY_TIMEOUT + ": " + countByAction(events));
    }

    private static Map<String, Long> countByAction(List<Map<String, Object>> events) {
        return events.stream().collect(Collectors.groupingBy(e -> (String) e.get("action"), TreeMap::new, Collectors.counting()));
    }

    private static Set<String> idsOf(List<Map<String, Object>> events, String... actions) {
        Set<String> wanted = Set.of(actions);
        return events.stream().filter(e -> wanted.contains(e.get("action"))).map(e -> (String) e.get("id"))
                .collect(Collectors.toSet());
    }

    private static Map<String, Object> only(List<Map<String, Object>> events, String action) {
        List<Map<String, Object>> found = events.stream().filter(e -> action.equals(e.get("action"))).toList();
        assertEquals(1, found.size(), action);
        return found.get(0);
    }

    /** token-service's own audit of one object (GET /admin/audit-events). */
    private static Set<String> auditIds(String admin, String targetType, String targetId) {
        List<String> ids = given().baseUri(stack.url(Service.TOKEN)).auth().oauth2(admin)
                .queryParam("target_type", targetType).queryParam("target_id", targetId)
                .when().get("/admin/audit-events").then().statusCode(200).extract().jsonPath().getList("data.id");
        assertFalse(ids.isEmpty(), targetType + " " + targetId + " audited");
        return Set.copyOf(ids);
    }

    private static Connection tokenDatabase() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + GuichetStack.PG + "/" + Service.TOKEN.database(),
                GuichetStack.DB_USER, GuichetStack.DB_PASSWORD);
    }

    /** Waits until the shipper has tried, and failed, to deliver the outbox during the outage. */
    private static void awaitFailedDeliveryAttempt() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection c = tokenDatabase(); PreparedStatement st = c.prepareStatement(
                "select count(*) from trace_outbox where delivered_at is null and attempts > 0 and last_error is not null")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the outbox shipper never tried to deliver during the outage");
    }

    private static int pendingOutboxRows() throws Exception {
        try (Connection c = tokenDatabase(); PreparedStatement st = c.prepareStatement(
                "select count(*) from trace_outbox where delivered_at is null"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
