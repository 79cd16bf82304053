package fr.guichet.it.particulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.guichet.it.SharedStack;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API Particulier's throttle group ({@code json_resources_particulier}, throttle.yml: 20 calls a
 * second): 25 calls sent at once on one Particulier token, each with its own parameters so that
 * the duplicate-request guard plays no part, get at most 20 answers, the rest 429 {@code 00429}
 * with {@code Retry-After}. The same for FranceConnect calls, counted on the FranceConnect token.
 *
 * <p>A group of one second or less is counted over a sliding one-second window (the gateway's
 * quota script), so 25 calls that all fall within one second are never served more than 20 times,
 * however they are spread; the figures are printed.
 */
@SharedStack.Uses
class ParticulierQuotaIT {

    static final String QF = "/v3/dss/quotient_familial/identite";
    static final String QF_FC = "/v3/dss/quotient_familial/france_connect";
    static final List<String> QF_SCOPES = List.of("cnaf_quotient_familial", "cnaf_allocataires", "cnaf_enfants", "cnaf_adresse");

    static GuichetStack stack;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startSuite() {
        assumeTrue(ParticulierSuite.particulierServed(), "no API Particulier operation declared for the providers of services.yml");
        stack = SharedStack.get();
    }

    /** The outcome of one burst. */
    record Burst(int served, int limited, long windowMillis, List<String> problems, Set<String> announcedLimits) {
    }

    @Test
    void twentyFiveCallsAtOnceOnOneParticulierTokenGetAtMostTwentyAnswers() throws Exception {
        IssuedToken token = ParticulierSuite.particulierToken(stack, QF_SCOPES);
        // Warm the gateway's paths with another habilitation, so that the burst measures the quota only.
        IssuedToken warm = ParticulierSuite.particulierToken(stack, QF_SCOPES);
        send(warm.token(), identity(999)).join();
        Burst burst = burst(token.token(), ParticulierQuotaIT::identity);
        assertBounded("Particulier token", burst);
    }

    @Test
    void twentyFiveFranceConnectCallsAtOnceOnOneFranceConnectTokenGetAtMostTwentyAnswers() throws Exception {
        ParticulierSuite.franceConnectHabilitation(stack);
        // Warm the FranceConnect path (binding lookup), then let the token's quota refill.
        send("cnaf_qfv2", QF_FC + "?recipient=" + ParticulierSuite.RECIPIENT).join();
        Thread.sleep(1500);
        // annee/mois make each call distinct (past months of the last three years, which the
        // gateway accepts); the identity comes from the token (cnaf_qfv2).
        Burst burst = burst("cnaf_qfv2", i -> QF_FC + "?recipient=" + ParticulierSuite.RECIPIENT
                + "&annee=" + (java.time.Year.now().getValue() - 2 + i / 12) + "&mois=" + (1 + i % 12));
        assertBounded("FranceConnect token cnaf_qfv2", burst);
    }

    /** The i-th call's path and query: the quotient familial of an identity of its own. */
    static String identity(int i) {
        return QF + "?recipient=" + ParticulierSuite.RECIPIENT + "&nomNaissance=" + enc("QUOTA" + (char) ('A' + i % 26) + (char) ('A' + i / 26))
                + "&prenoms%5B%5D=" + enc("CAMILLE") + "&sexeEtatCivil=F&codeCogInseePaysNaissance=99100&codeCogInseeCommuneNaissance=75107"
                + "&anneeDateNaissance=1980&moisDateNaissance=1&jourDateNaissance=" + (1 + i % 28);
    }

    static Burst burst(String bearer, IntFunction<String> call) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            calls.add(send(bearer, call.apply(i)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        long window = Duration.ofNanos(System.nanoTime() - start).toMillis();
        int served = 0;
        int limited = 0;
        List<String> problems = new ArrayList<>();
        Set<String> limits = new TreeSet<>();
        for (CompletableFuture<HttpResponse<String>> f : calls) {
            HttpResponse<String> r = f.join();
            r.headers().firstValue("RateLimit-Limit").ifPresent(limits::add);
            if (r.statusCode() == 429) {
                limited++;
                String code = JsonPath.from(r.body()).getString("errors[0].code");
                if (!"00429".equals(code)) {
                    problems.add("429 with code " + code + ": " + r.body());
                }
                String retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                if (retryAfter == null || !retryAfter.matches("[0-9]+")) {
                    problems.add("429 without a Retry-After in seconds: " + retryAfter);
                }
            } else {
                served++;
                if (r.statusCode() == 422) {
                    problems.add("refused for its parameters, so it says nothing of the quota: " + r.body());
                }
                if (r.statusCode() >= 500) {
                    problems.add("served with " + r.statusCode() + ": " + r.body());
                }
                if (r.headers().firstValue("RateLimit-Limit").isEmpty()) {
                    problems.add("answer " + r.statusCode() + " without RateLimit-Limit");
                }
            }
        }
        return new Burst(served, limited, window, problems, limits);
    }

    static void assertBounded(String what, Burst burst) {
        System.out.printf("Particulier quota, %s: 25 calls in %d ms, %d served, %d refused 429, RateLimit-Limit %s%n",
                what, burst.windowMillis(), burst.served(), burst.limited(), burst.announcedLimits());
        assertTrue(burst.windowMillis() < 1000, "the 25 calls took " + burst.windowMillis() + " ms, not within one second");
        assertEquals(25, burst.served() + burst.limited());
        assertTrue(burst.served() <= 20, burst.served() + " served in " + burst.windowMillis() + " ms");
        assertTrue(burst.served() >= 1, "nothing served");
        assertTrue(burst.announcedLimits().contains("20"), "the group's limit is not announced: RateLimit-Limit " + burst.announcedLimits());
        assertTrue(burst.limited() >= 1, "no call refused");
        assertTrue(burst.problems().isEmpty(), String.join("\n", burst.problems()));
    }

    static CompletableFuture<HttpResponse<String>> send(String bearer, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(Service.GATEWAY) + pathAndQuery))
                .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
