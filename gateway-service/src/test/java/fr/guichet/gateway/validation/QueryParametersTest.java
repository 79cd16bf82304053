package fr.guichet.gateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.guichet.common.error.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one parsing of the query: what is checked is what is traced and forwarded. */
class QueryParametersTest {

    static ApiException refused(String raw) {
        return assertThrows(ApiException.class, () -> QueryParameters.parse(raw));
    }

    @Test
    void aRepeatedRecipientIs422WhateverTheOrder() {
        for (String raw : List.of("context=a&object=b&recipient=13002526500013&recipient=12345678901234",
                "context=a&object=b&recipient=12345678901234&recipient=13002526500013")) {
            ApiException e = refused(raw);
            assertEquals(422, e.status());
            assertEquals("00210", e.errors().get(0).code());
        }
    }

    @Test
    void aRepeatedContextEvenEmptyIs422() {
        ApiException e = refused("context=a&context=&object=b&recipient=13002526500013");
        assertEquals(422, e.status());
        assertEquals("00201", e.errors().get(0).code());
        assertEquals("00202", refused("object=a&object=b").errors().get(0).code());
    }

    @Test
    void anyOtherRepeatedNameIs422ButListsMayRepeat() {
        ApiException e = refused("nature_effectif=boeth&nature_effectif=x");
        assertEquals(422, e.status());
        assertEquals("00251", e.errors().get(0).code());
        assertEquals(List.of("Jean", "Pierre"), QueryParameters.parse("prenoms[]=Jean&prenoms[]=Pierre").values().get("prenoms[]"));
    }

    @Test
    void valuesAreDecodedAndNeverTrimmed() {
        QueryParameters q = QueryParameters.parse("recipient=13002526500013%0A&context=Contr%C3%B4le+fiscal&object=%20o%20");
        assertEquals("13002526500013\n", q.get("recipient"));
        assertEquals("Contrôle fiscal", q.get("context"));
        assertEquals(" o ", q.get("object"));
        assertEquals("Audit\0x", QueryParameters.parse("context=Audit%00x").get("context"));
    }

    @Test
    void aPercentEncodedTokenNameIsTheTokenAndIsNeverForwarded() {
        QueryParameters q = QueryParameters.parse("context=c&%74oken=eyJ.jwt.sig&object=o&recipient=13002526500013");
        assertEquals("eyJ.jwt.sig", q.token());
        assertNull(q.get("token"));
        assertEquals("context=c&object=o&recipient=13002526500013", q.forwardable());
        assertEquals("", QueryParameters.parse("token=abc").forwardable());
        assertEquals("00251", refused("token=a&%74oken=b").errors().get(0).code());
    }

    @Test
    void theForwardedQueryCarriesTheCheckedValuesReEncoded() {
        QueryParameters q = QueryParameters.parse("context=Contr%c3%b4le+fiscal&object=a%26b%3Dc&recipient=13002526500013");
        assertEquals("context=Contr%C3%B4le%20fiscal&object=a%26b%3Dc&recipient=13002526500013", q.forwardable());
        assertEquals(Map.of("context", List.of("Contrôle fiscal"), "object", List.of("a&b=c"),
                "recipient", List.of("13002526500013")), q.values());
    }

    @Test
    void moreThanSixtyFourParametersAre400() {
        StringBuilder raw = new StringBuilder("p0=v");
        for (int i = 1; i < QueryParameters.MAX_PARAMETERS; i++) {
            raw.append("&p").append(i).append("=v");
        }
        assertEquals(QueryParameters.MAX_PARAMETERS, QueryParameters.parse(raw.toString()).values().size());
        ApiException e = refused(raw + "&one=more");
        assertEquals(400, e.status());
        assertEquals("00250", e.errors().get(0).code());
    }

    @Test
    void unreadableQueriesAre400() {
        // "%٣٣": Arabic-Indic digits are digits to Character.digit, not hexadecimal ones to RFC 3986.
        for (String raw : List.of("context=%zz", "context=%", "context=%E9", "=value", "con%0Atext=a",
                "context=%\u0663\u0663", "context=%\uFF14\uFF11")) {
            ApiException e = refused(raw);
            assertEquals(400, e.status(), raw);
            assertEquals("00250", e.errors().get(0).code(), raw);
        }
    }

    @Test
    void rawBytesBeyondAsciiAreDecodedAsUtf8NeverAsLatin1() {
        // The HTTP codec gives each byte of the request line as one char (ISO-8859-1).
        for (String raw : List.of("object=\u00FF", "object=a\u00E9b", "object=\u00C3", "nom=\u00C3\u00A9%FF",
                "\u00FF=a", "object=%C3%28", "object=%ED%A0%80")) {
            ApiException e = refused(raw);
            assertEquals(400, e.status(), raw);
            assertEquals("00250", e.errors().get(0).code(), raw);
            assertEquals("Requête mal formée", e.errors().get(0).title(), raw);
        }
        // "été" sent as raw UTF-8 bytes is "été", as its escaped form is.
        assertEquals("\u00E9t\u00E9", QueryParameters.parse("object=\u00C3\u00A9t\u00C3\u00A9").get("object"));
        assertEquals("\u00E9t\u00E9", QueryParameters.parse("object=%C3%A9t%C3%A9").get("object"));
    }
}
