package fr.guichet.gateway.franceconnect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.auth.CallerToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sandbox mode: the reference's fictitious FranceConnect tokens resolve, with no outside call, to
 * the identity of their file; the habilitation comes from token-service (an HTTP stand-in here).
 */
@QuarkusTest
@TestProfile(FranceConnectSandboxTest.Sandbox.class)
class FranceConnectSandboxTest {

    static final String HABILITATION = "8d0f3c38-8b1e-4c55-9c4f-2b7a7e1c0001";
    static final String JTI = "8d0f3c38-8b1e-4c55-9c4f-2b7a7e1c0002";

    public static class Sandbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.gateway.token-service.url", StandIns.url(),
                    "guichet.gateway.franceconnect.binding-cache-ttl", "1s");
        }
    }

    @Inject
    FranceConnectAdmission admission;

    long exp;

    @BeforeEach
    void demoClientBound() {
        exp = System.currentTimeMillis() / 1000 + 3600;
        StandIns.binding(StandIns.DEMO_CLIENT, StandIns.binding(HABILITATION,
                List.of("cnaf_quotient_familial", "cnaf_allocataires", "cnous_statut_boursier", "cnous_identite",
                        "cnous_email"), JTI, exp));
    }

    @Test
    void everySandboxTokenResolvesToTheIdentityOfItsFile() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectMapper json = new ObjectMapper();
        List<String> files = new ArrayList<>();
        for (String line : resource("franceconnect/sandbox/index.txt").split("\n")) {
            if (!line.isBlank()) {
                files.add(line.trim());
            }
        }
        assertEquals(9, files.size(), "the nine tokens of the reference sandbox");
        for (String file : files) {
            String token = file.replaceFirst("\\.ya?ml$", "");
            JsonNode introspection = json.readTree(yaml.readTree(resource("franceconnect/sandbox/" + file))
                    .path("payload").asText()).path("token_introspection");
            FranceConnectCaller caller = admission.admit(token);
            Map<String, List<String>> identity = caller.identity();
            List<String> given = new ArrayList<>();
            introspection.path("given_name_array").forEach(n -> given.add(n.asText()));
            assertEquals(given, identity.get("prenoms[]"), token);
            assertEquals(List.of(introspection.path("family_name").asText()), identity.get("nomNaissance"), token);
            String[] date = introspection.path("birthdate").asText().split("-");
            assertEquals(List.of(String.valueOf(Integer.parseInt(date[0]))), identity.get("anneeDateNaissance"), token);
            assertEquals(List.of(String.valueOf(Integer.parseInt(date[1]))), identity.get("moisDateNaissance"), token);
            assertEquals(List.of(String.valueOf(Integer.parseInt(date[2]))), identity.get("jourDateNaissance"), token);
            assertEquals(List.of("male".equals(introspection.path("gender").asText()) ? "M" : "F"),
                    identity.get("sexeEtatCivil"), token);
            assertEquals(List.of(introspection.path("birthplace").asText()), identity.get("codeCogInseeCommuneNaissance"), token);
            assertEquals(List.of(introspection.path("birthcountry").asText()), identity.get("codeCogInseePaysNaissance"), token);
            assertEquals("fc:" + FranceConnectAdmission.sha256(token), caller.quotaSubject());
            assertEquals(HABILITATION, caller.token().habilitationId());
        }
    }

    @Test
    void allFcIsThomasDelatourWithTheHabilitationsScopesItGrants() {
        FranceConnectCaller caller = admission.admit("Bearer all_fc");
        assertEquals(Map.of("prenoms[]", List.of("Thomas"), "nomNaissance", List.of("Delatour"),
                "anneeDateNaissance", List.of("1994"), "moisDateNaissance", List.of("4"), "jourDateNaissance", List.of("16"),
                "sexeEtatCivil", List.of("M"), "codeCogInseeCommuneNaissance", List.of("75111"),
                "codeCogInseePaysNaissance", List.of("99100")), caller.identity());
        CallerToken token = caller.token();
        assertEquals(JTI, token.jti());
        assertEquals("13002526500013", token.siret());
        assertEquals("particulier", token.apiKind());
        assertEquals(exp, token.expiresAt());
        // Habilitation ∩ FranceConnect scope claim, identity scopes dropped (v3 routes).
        assertEquals(Set.of("cnaf_quotient_familial", "cnaf_allocataires", "cnous_statut_boursier", "cnous_email"), token.scopes());
        assertEquals(Set.of("cnous_statut_boursier"), admission.admit("cnous_with_less_scopes").token().scopes()
                .stream().filter(s -> s.startsWith("cnous_statut")).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of("cnaf_quotient_familial", "cnaf_allocataires"), admission.admit("cnaf_qfv2").token().scopes());
        assertNotNull(StandIns.lastServiceCredential(), "token-service is asked with the gateway's service credential");
    }

    @Test
    void malformedAndUnknownTokensAre401() {
        for (String malformed : new String[] {null, "", "Bearer ", "all fc", "jeton_é", "a".repeat(513), "all_fc;", " all_fc"}) {
            ApiException e = assertThrows(ApiException.class, () -> admission.admit(malformed), String.valueOf(malformed));
            assertEquals(401, e.status());
            assertEquals("50001", e.errors().get(0).code());
            assertEquals("Accès non autorisé", e.errors().get(0).title());
        }
        ApiException unknown = assertThrows(ApiException.class, () -> admission.admit("inconnu"));
        assertEquals(401, unknown.status());
        assertEquals("50002", unknown.errors().get(0).code());
    }

    @Test
    void clientBoundToNoHabilitationIs50002AndTokenServiceDownIs503() throws Exception {
        Thread.sleep(1100); // past the binding cache
        StandIns.binding(StandIns.DEMO_CLIENT, null);
        ApiException unbound = assertThrows(ApiException.class, () -> admission.admit("all_fc"));
        assertEquals(401, unbound.status());
        assertEquals("50002", unbound.errors().get(0).code());

        Thread.sleep(1100);
        StandIns.binding(StandIns.DEMO_CLIENT, new StandIns.Reply(500, "application/json", "{}"));
        ApiException down = assertThrows(ApiException.class, () -> admission.admit("all_fc"));
        assertEquals(503, down.status());
        assertEquals("00501", down.errors().get(0).code());
    }

    @Test
    void bindingIsCachedBriefly() throws Exception {
        Thread.sleep(1100);
        int before = StandIns.bindingCalls();
        admission.admit("all_fc");
        admission.admit("cnous");
        admission.admit("mesri");
        assertEquals(before + 1, StandIns.bindingCalls(), "one token-service call for a burst");
        Thread.sleep(1100);
        admission.admit("all_fc");
        assertEquals(before + 2, StandIns.bindingCalls(), "asked again once the cache entry is old");
    }

    @Test
    void platformPublishesItsPublicEncryptionKey() {
        given().when().get("/.well-known/franceconnect/jwks.json").then().statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].use", equalTo("enc"))
                .body("keys[0].alg", equalTo("RSA-OAEP")).body("keys[0].kid", notNullValue())
                .body("keys[0].n", notNullValue()).body("keys[0].e", equalTo("AQAB"))
                .body("keys[0].d", nullValue()).body("keys[0].p", nullValue());
    }

    static String resource(String name) throws Exception {
        try (InputStream in = FranceConnectSandboxTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
