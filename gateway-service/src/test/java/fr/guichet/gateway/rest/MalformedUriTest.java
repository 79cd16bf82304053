package fr.guichet.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.service.LocalJwks;
import fr.guichet.gateway.trace.JournalEvents;
import fr.guichet.gateway.trace.TraceJournal;
import fr.guichet.testing.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A malformed percent escape is answered in the API's error model (400 {@code 00250}, JSON),
 * never with Quarkus's empty 400 or a 500: in the query of a data call (the gateway's own parsing,
 * {@code QueryParameters}), and in the path of any route ({@link MalformedUriHandler}). Needs the
 * gateway's {@code -Dvertx.disableURIValidation=true}, which this module's surefire configuration
 * sets as the launcher and the chart do. HTTP clients refuse to send such URIs, so the calls are
 * written on a socket.
 */
@QuarkusTest
@WithTestResource(LocalJwks.class)
class MalformedUriTest {

    static final String DATA = "/v3/insee/sirene/unites_legales/552049447";

    @Inject
    TraceJournal journal;
    @Inject
    ObjectMapper mapper;

    @Test
    void aMalformedEscapeInTheQueryOfADataCallIs400With00250AndTraced() throws Exception {
        String token = LocalJwks.token(List.of("unites_legales_etablissements_insee"));
        for (String query : List.of("context=x&recipient=13002526500013&object=a%ZZ",
                "context=x&recipient=13002526500013&object=a%", "context=x&recipient=13002526500013&%ZZ=a")) {
            String requestId = "test-" + UUID.randomUUID();
            RawHttp answer = get(DATA + "?" + query, "Authorization: Bearer " + token, "X-Request-ID: " + requestId);
            JsonNode error = assertMalformed(answer, query);
            assertTrue(error.path("detail").asText().contains("encodage « % »"), query + ": " + answer.text());
            assertEquals(requestId, answer.header("x-request-id"), query);
            // Answered by the gateway itself, hence traced as every refused call is.
            JsonNode event = JournalEvents.of(journal, mapper, requestId);
            assertEquals(400, event.get("status").asInt(), query);
            assertEquals("00250", event.get("error_code").asText(), query);
        }
    }

    @Test
    void aMalformedEscapeInThePathIs400With00250WhateverTheRoute() throws Exception {
        String token = LocalJwks.token(List.of("unites_legales_etablissements_insee"));
        for (String target : List.of("/v3/insee/sirene/unites_legales/55%ZZ",
                "/v3/insee/sirene/unites_legales/55%ZZ?context=x&recipient=13002526500013&object=a",
                "/v3/insee/sirene/unites_legales/55%", "/v4/particulier/%ZZ", "/privileges%ZZ", "/ping/insee%ZZ",
                "/proxy/files/%ZZ", "/sandbox/%ZZ", "/openapi%ZZ", "/q/health/%ZZ", "/%")) {
            String requestId = "test-" + UUID.randomUUID();
            RawHttp answer = get(target, "Authorization: Bearer " + token, "X-Request-ID: " + requestId);
            JsonNode error = assertMalformed(answer, target);
            assertEquals("Le chemin de la requête comporte un encodage « % » invalide ou incomplet.",
                    error.path("detail").asText(), target);
            assertEquals(requestId, answer.header("x-request-id"), target);
        }
    }

    @Test
    void routesThatDoNotReadTheirQueryStillAnswerAndPrivilegesRefusesIt() throws Exception {
        for (String target : List.of("/q/health/ready?x=%ZZ", "/openapi?x=%ZZ", "/sandbox?x=%ZZ")) {
            RawHttp answer = get(target);
            assertEquals(200, answer.status(), target + ": " + answer.text());
            assertFalse(answer.text().isBlank(), target);
        }
        assertMalformed(get("/privileges?x=%ZZ"), "/privileges?x=%ZZ");
    }

    @Test
    void onlyAPercentWithoutTwoHexadecimalDigitsIsMalformed() {
        for (String malformed : List.of("%", "/55%", "/55%Z", "/%ZZ", "/%G0", "/a%2", "/%\u0663\u0663")) {
            assertTrue(MalformedUriHandler.hasMalformedEscape(malformed), malformed);
        }
        for (String wellFormed : List.of("/", "/v3/insee/sirene/unites_legales/552049447", "/a%2Fb", "/%e9%C3%A9")) {
            assertFalse(MalformedUriHandler.hasMalformedEscape(wellFormed), wellFormed);
        }
    }

    /** Asserts a 400 in the API's error model with code {@code 00250}; returns that error. */
    private JsonNode assertMalformed(RawHttp answer, String what) throws Exception {
        assertEquals(400, answer.status(), what + ": " + answer.text());
        assertTrue(answer.header("content-type").startsWith("application/json"), what + ": " + answer.header("content-type"));
        JsonNode errors = mapper.readTree(answer.text()).path("errors");
        assertEquals(1, errors.size(), what + ": " + answer.text());
        assertEquals("00250", errors.get(0).path("code").asText(), what);
        assertEquals("Requête mal formée", errors.get(0).path("title").asText(), what);
        return errors.get(0);
    }

    /** One HTTP/1.1 exchange written as is on a socket; headers by lower-case name, body de-chunked. */
    /** GET {@code target} with {@code headers}, byte for byte (clients refuse to send such escapes). */
    private static RawHttp get(String target, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return RawHttp.send(request.append("Connection: close\r\n\r\n").toString());
    }
}
