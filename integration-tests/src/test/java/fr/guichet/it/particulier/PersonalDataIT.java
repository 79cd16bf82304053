package fr.guichet.it.particulier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.it.Schemas;
import fr.guichet.it.SharedStack;
import fr.guichet.it.particulier.ParticulierSuite.Operation;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import fr.guichet.testing.ServiceCatalog;
import fr.guichet.testing.particulier.ParticulierSandbox;
import fr.guichet.testing.particulier.ParticulierSandbox.FranceConnectToken;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Personal data stays out of what the platform keeps: an API Particulier series (a success of
 * every civility route the sandbox answers, a person it does not know, and the FranceConnect
 * routes with the fictitious tokens) goes through the real stack; then every file the stack's
 * processes wrote (their logs, the gateway's trace journal) and every row of trace-service's
 * database are searched for the names, given names and birth dates sent, and none is found. The
 * calls are still there for an auditor: trace-service's identity search
 * ({@code POST /admin/traces/identity-search}), given an identity as it was sent, finds the calls
 * about that person, hashed with the same salt as the gateway.
 *
 * <p>A name is searched as a whole word, case-insensitively; a value that is also a word of the
 * platform's own vocabulary (an operation id, a scope, a provider's name: {@code CNAF},
 * {@code MESRI}...) cannot be told from it and is left out (the output lists them). A birth date
 * is searched as {@code YYYY-MM-DD}, {@code DD/MM/YYYY} and as each date parameter with its value.
 */
@SharedStack.Uses
class PersonalDataIT {

    static final String SCHEMA = SharedStack.SCHEMA;
    /** Every log of the shared stack: this class's calls and the other classes' are all searched. */
    static final Path LOGS = SharedStack.LOGS;
    static final String UNKNOWN_NAME = "QUIDAMOVITCH";

    static GuichetStack stack;
    static List<Operation> operations;

    @BeforeAll
    static void startSuite() {
        operations = ParticulierSuite.operations();
        assumeTrue(!operations.isEmpty(), "no API Particulier operation declared for the providers of services.yml");
        stack = SharedStack.get();
    }

    /** One call of the series: where it went and the identity it carried, as sent. */
    record Sent(String operationId, Map<String, List<String>> identity) {
    }

    @Test
    void noNameOrBirthDateSentIsInAnyLogFileOrTraceRowAndTheAuditorStillFindsTheCalls() throws Exception {
        java.time.Instant start = java.time.Instant.now();
        List<String> scopes = ParticulierSuite.allScopes(operations);
        IssuedToken token = ParticulierSuite.particulierToken(stack, scopes);
        ParticulierSuite.franceConnectHabilitation(stack);
        List<FranceConnectToken> franceConnectTokens = ParticulierSandbox.franceConnectTokens(ServiceCatalog.repositoryRoot());
        List<Sent> sent = new ArrayList<>();
        for (Operation o : operations) {
            sent.addAll(o.franceConnect() ? franceConnect(o, franceConnectTokens) : civility(o, token));
        }
        // Someone the sandbox does not know: the 404 path (provider error, gateway relay) too.
        Operation qf = operations.stream().filter(o -> o.id().equals("api_particulier_v3_cnav_quotient_familial_with_civility"))
                .findFirst().orElse(null);
        if (qf != null) {
            Map<String, List<String>> unknown = new LinkedHashMap<>();
            unknown.put("nomNaissance", List.of(UNKNOWN_NAME));
            unknown.put("prenoms[]", List.of("Eudoxie"));
            unknown.put("sexeEtatCivil", List.of("F"));
            unknown.put("codeCogInseePaysNaissance", List.of("99100"));
            unknown.put("codeCogInseeCommuneNaissance", List.of("75107"));
            unknown.put("anneeDateNaissance", List.of("1931"));
            unknown.put("moisDateNaissance", List.of("7"));
            unknown.put("jourDateNaissance", List.of("29"));
            ParticulierSuite.pace();
            var spec = ParticulierSuite.partner(stack, token.token());
            unknown.forEach(spec::queryParam);
            Response r = spec.get(qf.path().template().template());
            assertEquals(404, r.statusCode(), r.asString());
            sent.add(new Sent(qf.id(), unknown));
        }
        assertTrue(sent.size() >= 2, "the series made " + sent.size() + " calls");
        awaitTraces(sent.size(), start);

        Set<String> vocabulary = vocabulary();
        Set<String> left = new java.util.TreeSet<>();
        List<Pattern> patterns = patterns(sent, vocabulary, left);
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(LOGS)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files++;
                // Decoded leniently: the journal is not all text, the names are UTF-8.
                search(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8), patterns, found);
            }
        }
        int rows = searchTraceRows(patterns, found);
        System.out.printf("Personal data: %d calls, %d values searched (%d left out as platform words: %s), "
                + "%d files and %d trace rows searched, %d found%n", sent.size(), patterns.size(), left.size(), left,
                files, rows, found.size());
        assertTrue(files > 0 && rows > 0, "nothing searched");
        assertTrue(found.isEmpty(), "personal data written in clear:\n" + String.join("\n", found));

        auditorFindsTheCalls(sent);
    }

    /** A success of the civility route: its first 200 case a partner can ask. */
    List<Sent> civility(Operation o, IssuedToken token) {
        for (SandboxCase c : o.cases()) {
            if (c.status() == 200 && ParticulierSandbox.reachable(o.id(), ParticulierSandbox.typedParams(o.resources(), c))) {
                ParticulierSuite.pace();
                Response r = ParticulierSuite.call(stack, token.token(), o, c);
                assertEquals(200, r.statusCode(), o.id() + " " + c.file() + ": " + r.asString());
                return List.of(new Sent(o.id(), ParticulierSandbox.query(o.id(), c)));
            }
        }
        return List.of();
    }

    /**
     * The FranceConnect route with each token that reaches one of its cases (with the case's own
     * route parameters, such as the plate number), else once with the first token holding its scopes.
     */
    List<Sent> franceConnect(Operation o, List<FranceConnectToken> tokens) {
        List<String> scopes = ParticulierSuite.scopes(o.declaration());
        Map<String, SandboxCase> reached = new LinkedHashMap<>();
        for (SandboxCase c : o.cases()) {
            ParticulierSandbox.tokenFor(o.id(), ParticulierSandbox.typedParams(o.resources(), c), o.named(), tokens, scopes)
                    .ifPresent(t -> reached.putIfAbsent(t.name(), c));
        }
        List<Sent> sent = new ArrayList<>();
        if (reached.isEmpty()) {
            Optional<FranceConnectToken> any = tokens.stream().filter(t -> t.scopes().stream().anyMatch(scopes::contains)).findFirst();
            if (any.isPresent()) {
                ParticulierSuite.pace();
                Response r = ParticulierSuite.partner(stack, any.get().name()).get(o.path().template().template());
                assertTrue(r.statusCode() / 100 == 4, o.id() + " with " + any.get().name() + ": " + r.statusCode() + " " + r.asString());
                sent.add(new Sent(o.id(), any.get().identity()));
            }
            return sent;
        }
        reached.forEach((name, c) -> {
            FranceConnectToken t = tokens.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            ParticulierSuite.pace();
            Response r = ParticulierSuite.call(stack, t.name(), o, c);
            assertEquals(c.status(), r.statusCode(), o.id() + " " + c.file() + " with " + name + ": " + r.asString());
            sent.add(new Sent(o.id(), t.identity()));
        });
        return sent;
    }

    /** Every word of the platform's own vocabulary for API Particulier: operation ids, scopes, provider names. */
    static Set<String> vocabulary() {
        Set<String> words = new java.util.HashSet<>();
        for (Operation o : operations) {
            List<String> texts = new ArrayList<>(ParticulierSuite.scopes(o.declaration()));
            texts.add(o.id());
            texts.add(String.valueOf(o.declaration().providerName()));
            texts.add(o.declaration().provider());
            texts.add(o.module());
            for (String t : texts) {
                for (String w : t.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    /** The patterns of the names, given names and birth dates sent. */
    static List<Pattern> patterns(List<Sent> sent, Set<String> vocabulary, Set<String> left) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> dates = new LinkedHashSet<>();
        for (Sent s : sent) {
            for (String key : List.of("nomNaissance", "nomUsage", "prenoms", "prenoms[]")) {
                for (String v : s.identity().getOrDefault(key, List.of())) {
                    for (String word : v.split("[\\s'-]+")) {
                        if (word.length() < 3) {
                            continue;
                        }
                        if (vocabulary.contains(word.toLowerCase(Locale.ROOT))) {
                            left.add(word);
                        } else {
                            names.add(word);
                        }
                    }
                }
            }
            String year = first(s, "anneeDateNaissance");
            String month = first(s, "moisDateNaissance");
            String day = first(s, "jourDateNaissance");
            if (year != null) {
                dates.add("anneeDateNaissance\\W{1,8}" + year + "(?![0-9])");
                if (month != null && day != null) {
                    String iso = String.format("%s-%02d-%02d", year, Integer.parseInt(month), Integer.parseInt(day));
                    String french = String.format("%02d/%02d/%s", Integer.parseInt(day), Integer.parseInt(month), year);
                    dates.add("(?<![0-9])" + Pattern.quote(iso) + "(?![0-9])");
                    dates.add("(?<![0-9])" + Pattern.quote(french) + "(?![0-9])");
                    dates.add("moisDateNaissance\\W{1,8}0?" + Integer.parseInt(month) + "(?![0-9])");
                    dates.add("jourDateNaissance\\W{1,8}0?" + Integer.parseInt(day) + "(?![0-9])");
                }
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        names.forEach(n -> patterns.add(Pattern.compile("(?<![\\p{L}0-9])" + Pattern.quote(n) + "(?![\\p{L}0-9])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        dates.forEach(d -> patterns.add(Pattern.compile(d)));
        return patterns;
    }

    static String first(Sent s, String key) {
        List<String> values = s.identity().get(key);
        return values == null || values.isEmpty() || !values.get(0).matches("[0-9]{1,4}") ? null : values.get(0);
    }

    static void search(String where, String text, List<Pattern> patterns, List<String> found) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                int start = Math.max(0, m.start() - 120);
                int end = Math.min(text.length(), m.end() + 60);
                found.add(where + ": /" + p.pattern() + "/ in …" + text.substring(start, end).replace('\n', ' ') + "…");
            }
        }
    }

    /** Every row of every table of trace-service's schema, as text; the number of rows searched. */
    static int searchTraceRows(List<Pattern> patterns, List<String> found) throws SQLException {
        int rows = 0;
        try (Connection c = Schemas.connect(Service.TRACE, SCHEMA); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema = '"
                    + SCHEMA + "' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("select t::text from " + SCHEMA + ".\"" + table + "\" t")) {
                    while (rs.next()) {
                        rows++;
                        search("trace-service " + table, rs.getString(1), patterns, found);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Waits until trace-service holds at least {@code calls} API Particulier calls made since
     * {@code since} (the stack is shared: earlier classes' calls are not this series').
     */
    static void awaitTraces(int calls, java.time.Instant since) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        int stored = 0;
        while (System.nanoTime() < deadline) {
            try (Connection c = Schemas.connect(Service.TRACE, SCHEMA);
                    java.sql.PreparedStatement st = c.prepareStatement(
                            "select count(*) from trace_event where api_kind = 'particulier' and ts >= ?")) {
                st.setTimestamp(1, java.sql.Timestamp.from(since));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    stored = rs.getInt(1);
                }
            }
            if (stored >= calls) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("trace-service holds " + stored + " API Particulier calls of " + calls + " after 60 s");
    }

    /**
     * The auditor's identity search finds the calls: for the unknown person, for a civility success
     * and for a FranceConnect identity, each given as it was sent.
     */
    void auditorFindsTheCalls(List<Sent> sent) {
        String admin = stack.adminToken();
        List<Sent> probes = new ArrayList<>();
        sent.stream().filter(s -> s.identity().getOrDefault("nomNaissance", List.of()).contains(UNKNOWN_NAME)).findFirst().ifPresent(probes::add);
        sent.stream().filter(s -> !ParticulierSandbox.isFranceConnect(s.operationId()) && s.identity().containsKey("nomNaissance")
                && !s.identity().get("nomNaissance").contains(UNKNOWN_NAME)).findFirst().ifPresent(probes::add);
        sent.stream().filter(s -> ParticulierSandbox.isFranceConnect(s.operationId())).findFirst().ifPresent(probes::add);
        assertTrue(!probes.isEmpty(), "no call to look for");
        for (Sent probe : probes) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("nomNaissance", probe.identity().get("nomNaissance").get(0));
            Optional.ofNullable(probe.identity().getOrDefault("prenoms[]", probe.identity().get("prenoms")))
                    .ifPresent(p -> parameters.put("prenoms", p));
            Response r = given().baseUri(stack.url(Service.TRACE)).header("Authorization", "Bearer " + admin)
                    .contentType("application/json").body(Map.of("parameters", parameters))
                    .post("/admin/traces/identity-search");
            assertEquals(200, r.statusCode(), "identity search for the call of " + probe.operationId() + ": " + r.asString());
            List<String> found = r.jsonPath().getList("data.operation_id");
            assertTrue(found != null && found.contains(probe.operationId()),
                    "the identity search does not find the call of " + probe.operationId() + ": " + found);
            // Nothing of the identity comes back in clear.
            JsonNode body;
            try {
                body = ParticulierSuite.JSON.readTree(r.asString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String name = probe.identity().get("nomNaissance").get(0);
            assertTrue(!body.toString().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)),
                    "the search answer gives " + name + " in clear: " + body);
        }
    }
}
