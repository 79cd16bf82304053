package fr.guichet.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublicLinksTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Shape of provider-insee's sandbox body for an établissement (links to API Entreprise). */
    static final String SANDBOX = """
            {"data": {"siret": "13002526500013", "site_web": "https://entreprise.api.gouv.fr/about"},
             "links": {"unite_legale": "https://entreprise.api.gouv.fr/api/v3/insee/unites_legales/130025265"},
             "meta": {"date_derniere_mise_a_jour": 1618396818}}""";

    @Test
    void linksPointAtTheGatewaysPublicBaseUrl() throws Exception {
        PublicLinks links = new PublicLinks(MAPPER, "https://api.guichet.example/");
        JsonNode body = MAPPER.readTree(links.rewrite(SANDBOX.getBytes(StandardCharsets.UTF_8), "application/json"));
        assertEquals("https://api.guichet.example/v3/insee/unites_legales/130025265", body.at("/links/unite_legale").asText());
        assertEquals("https://entreprise.api.gouv.fr/about", body.at("/data/site_web").asText(), "only links are links");
        assertFalse(body.toString().contains("entreprise.api.gouv.fr/api"));
    }

    @Test
    void withoutPublicBaseUrlLinksAreRelativeToTheGateway() throws Exception {
        PublicLinks links = new PublicLinks(MAPPER, "");
        JsonNode body = MAPPER.readTree(links.rewrite(SANDBOX.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8"));
        assertEquals("/v3/insee/unites_legales/130025265", body.at("/links/unite_legale").asText());
    }

    @Test
    void bodiesWithoutUpstreamLinksAreLeftAlone() {
        PublicLinks links = new PublicLinks(MAPPER, "https://api.guichet.example");
        byte[] plain = "{\"data\":{},\"links\":{}}".getBytes(StandardCharsets.UTF_8);
        assertSame(plain, links.rewrite(plain, "application/json"));
        byte[] pdf = "%PDF entreprise.api.gouv.fr".getBytes(StandardCharsets.US_ASCII);
        assertSame(pdf, links.rewrite(pdf, "application/pdf"));
    }

    @Test
    void linksNestedInArraysAndObjectsAreRewrittenAndTheRestIsCopiedAsWritten() throws Exception {
        PublicLinks links = new PublicLinks(MAPPER, "https://api.guichet.example");
        String body = """
                {"data": [{"montant": 1.10, "url": "https://entreprise.api.gouv.fr/v3/x",
                           "links": {"documents": ["https://entreprise.api.gouv.fr/api/v4/d/1", {"pdf": "https://entreprise.api.gouv.fr/v4/d/2"}],
                                     "size": 3}}],
                 "links": "https://entreprise.api.gouv.fr/v3/self",
                 "meta": {"links": null, "after": "https://entreprise.api.gouv.fr/v3/kept"}}""";
        String out = new String(links.rewrite(body.getBytes(StandardCharsets.UTF_8), "application/json"), StandardCharsets.UTF_8);
        JsonNode tree = MAPPER.readTree(out);
        assertEquals("https://api.guichet.example/v4/d/1", tree.at("/data/0/links/documents/0").asText());
        assertEquals("https://api.guichet.example/v4/d/2", tree.at("/data/0/links/documents/1/pdf").asText());
        assertEquals(3, tree.at("/data/0/links/size").asInt());
        assertEquals("https://api.guichet.example/v3/self", tree.at("/links").asText());
        assertEquals("https://entreprise.api.gouv.fr/v3/x", tree.at("/data/0/url").asText(), "a member beside links is no link");
        assertEquals("https://entreprise.api.gouv.fr/v3/kept", tree.at("/meta/after").asText(), "after links: null, no link");
        assertTrue(out.contains("1.10"), "numbers are copied as written: " + out);
    }

    @Test
    void onlyTheLinkTokensChangeAnEscapedLinkIsReadAndItsReplacementEscaped() {
        PublicLinks links = new PublicLinks(MAPPER, "https://api.guichet.example/\"x");
        // \/ is JSON for /, \u00e9 for é: the link is read unescaped, written back escaped.
        String body = "{ \"data\" :\t{\"nom\": \"Soci\\u00e9t\u00e9\"},\n  \"links\": {\"self\":"
                + " \"https:\\/\\/entreprise.api.gouv.fr\\/api\\/v3\\/\u00e9\"} }";
        String out = new String(links.rewrite(body.getBytes(StandardCharsets.UTF_8), "application/json"), StandardCharsets.UTF_8);
        assertEquals("{ \"data\" :\t{\"nom\": \"Soci\\u00e9t\u00e9\"},\n  \"links\": {\"self\":"
                + " \"https://api.guichet.example/\\\"x/v3/\u00e9\"} }", out);
    }

    @Test
    void anUpstreamLinkCannotBecomeALinkToAnotherHost() throws Exception {
        String body = "{\"links\": {\"a\": \"https://entreprise.api.gouv.fr//evil.example/x\","
                + " \"b\": \"https://entreprise.api.gouv.fr/api///evil.example/y\"}}";
        for (String base : new String[] {"", "https://api.guichet.example"}) {
            JsonNode out = MAPPER.readTree(new PublicLinks(MAPPER, base).rewrite(body.getBytes(StandardCharsets.UTF_8), "application/json"));
            assertEquals(base + "/evil.example/x", out.at("/links/a").asText());
            assertEquals(base + "/evil.example/y", out.at("/links/b").asText());
        }
    }
}
