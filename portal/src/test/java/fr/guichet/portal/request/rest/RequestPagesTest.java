package fr.guichet.portal.request.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.portal.request.service.RequestForm;
import fr.guichet.portal.request.service.RequestService;
import fr.guichet.portal.request.service.RequestView;
import fr.guichet.portal.session.PartnerSession;
import fr.guichet.portal.session.SessionCookies;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The request pages rendered with fixed data shaped as token-service's answers: the element ids
 * the browser tests rely on, the scopes grouped by provider, errors in French, the follow-up
 * on {@code /demarches}; and the guards that need no token-service (session, CSRF).
 */
@QuarkusTest
class RequestPagesTest {

    static final PartnerSession PERSON = new PartnerSession("jwt", "dgs@mairie.fr", "21750001600019", Long.MAX_VALUE);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CATALOGUE = """
            {"data": [
              {"provider": "dgfip", "label": "DGFIP - Adélie", "scopes": [
                {"scope": "attestation_fiscale_dgfip", "label": "Attestation fiscale"}]},
              {"provider": "insee", "label": "INSEE", "scopes": [
                {"scope": "open_data", "label": "Données unité légale diffusible"},
                {"scope": "unites_legales_etablissements_insee", "label": "Données unité légale ; Données établissement"}]},
              {"provider": "infogreffe", "label": "Infogreffe", "scopes": [
                {"scope": "open_data", "label": "Extrait RCS d'une unité légale (Infogreffe)"}]}
            ]}""";
    static final String REQUESTS = """
            {"data": [
              {"id": "33333333-3333-4333-8333-333333333333", "api_kind": "entreprise", "intitule": "Aides <économiques>",
               "scopes": ["open_data"], "status": "refused", "created_at": "2026-11-20T09:00:00Z",
               "decision_reason": "Cadre juridique insuffisant", "decided_at": "2026-11-25T09:00:00Z"},
              {"id": "44444444-4444-4444-8444-444444444444", "api_kind": "particulier", "intitule": "Cantine",
               "scopes": ["cnaf_quotient_familial"], "status": "submitted", "created_at": "2026-11-19T09:00:00Z"}
            ]}""";

    @Inject
    @Location("demande.html")
    Template form;

    @Inject
    @Location("demarches.html")
    Template list;

    @Inject
    RequestsSection section;

    String renderForm(RequestForm typed, Map<String, String> errors) throws Exception {
        return form.data("person", PERSON).data("form", typed).data("errors", errors)
                .data("catalogue", RequestService.groups(JSON.readTree(CATALOGUE), typed.scopes()))
                .data("maxVolume", RequestForm.MAX_VOLUME).data("roles", RequestResource.CONTACT_ROLES).render();
    }

    @Test
    @ActivateRequestContext
    void theFormGroupsScopesByProviderWithWhatEachGives() throws Exception {
        String html = renderForm(RequestForm.empty("entreprise"), Map.of());
        for (String id : new String[] {"id=\"request-form\"", "id=\"request-intitule\"", "id=\"request-legal-basis\"",
                "id=\"request-volume\"", "id=\"request-recipients\"", "id=\"request-technique-email\"",
                "id=\"request-metier-email\"", "id=\"request-terms\"", "id=\"request-submit\"", "name=\"csrf-token\"",
                "id=\"request-kind-entreprise\"", "id=\"request-kind-particulier\""}) {
            assertTrue(html.contains(id), id);
        }
        assertEquals(3, count(html, "class=\"fr-fieldset provider-scopes\" data-provider=\""));
        assertTrue(html.contains("data-provider=\"insee\""));
        assertTrue(html.contains("<strong>DGFIP - Adélie</strong>"));
        assertEquals(4, count(html, "name=\"scopes\""));
        // A scope of two providers appears under each, with ids unique in the page.
        assertTrue(html.contains("id=\"scope-insee-open_data\"") && html.contains("id=\"scope-infogreffe-open_data\""));
        assertTrue(html.contains("Données unité légale ; Données établissement"));
        assertFalse(html.contains("fr-error-text"));
        assertEquals(1, count(html, " checked"), "only the API kind is chosen");
        assertTrue(html.contains("value=\"entreprise\" checked"));
    }

    @Test
    @ActivateRequestContext
    void errorsAreShownUnderTheirFieldsAndTheTypedValuesKept() throws Exception {
        RequestForm typed = new RequestForm("entreprise", "Marchés", null, List.of("attestation_fiscale_dgfip"), "abc",
                "Service des marchés", "pas-une-adresse", null, "achats@mairie.fr", null, false);
        Map<String, String> errors = typed.errors();
        String html = renderForm(typed, errors);
        assertEquals(errors.size(), count(html, "class=\"fr-error-text\""));
        assertTrue(html.contains("id=\"request-legal-basis-error\""));
        assertTrue(html.contains("id=\"request-volume-error\""));
        assertTrue(html.contains("id=\"request-technique-email-error\""));
        assertTrue(html.contains("id=\"request-terms-error\""));
        assertTrue(html.contains("Corrigez les 4 champs signalés"));
        assertTrue(html.contains("value=\"Marchés\""));
        assertTrue(html.contains("value=\"attestation_fiscale_dgfip\" checked"));
        assertTrue(html.contains("aria-describedby=\"request-technique-email-error\""));
    }

    @Test
    @ActivateRequestContext
    void demarchesListsTheRequestsWithStatusAndTheReasonOfARefusal() throws Exception {
        List<RequestView> views = RequestService.views(JSON.readTree(REQUESTS));
        section.show(views, null);
        String html = list.data("person", PERSON).data("demarches", List.of()).data("renewalDays", 90).render();
        assertTrue(html.contains("id=\"requests\""));
        assertTrue(html.contains("href=\"/demarches/nouvelle\""));
        assertEquals(2, count(html, "<li class=\"habilitation-request "));
        assertTrue(html.contains("data-habilitation-id=\"33333333-3333-4333-8333-333333333333\" data-status=\"refused\""));
        assertTrue(html.contains("data-status=\"submitted\""));
        assertTrue(html.contains("<span class=\"request-reason\">Cadre juridique insuffisant</span>"));
        assertEquals(1, count(html, "request-reason"), "only the refused request shows a reason");
        assertTrue(html.contains("Aides &lt;économiques&gt;"), "escaped");
        assertTrue(html.contains("class=\"request-decided-on\">25/11/2026"));
    }

    @Test
    @ActivateRequestContext
    void aTokenServiceFailureLeavesTheDemarchesPageUsable() {
        section.show(List.of(), "Le service est momentanément indisponible.");
        String html = list.data("person", PERSON).data("demarches", List.of()).data("renewalDays", 90).render();
        assertTrue(html.contains("id=\"requests-error\""));
        assertTrue(html.contains("id=\"new-request-link\""));
    }

    @Inject
    SessionCookies cookies;

    @Test
    void theFormNeedsASessionAndItsPostACsrfToken() {
        given().redirects().follow(false).when().get("/demarches/nouvelle").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/connexion"));
        String session = cookies.cookie(new PartnerSession("header.payload.signature", "dgs@mairie.fr", "21750001600019",
                Instant.now().getEpochSecond() + 600)).getValue();
        given().redirects().follow(false).cookie(SessionCookies.NAME, session).formParam("intitule", "x")
                .formParam("terms_accepted", "true").when().post("/demarches/nouvelle").then().statusCode(403);
        // No token-service behind this test: the form says so in a page, never a raw 500.
        given().redirects().follow(false).cookie(SessionCookies.NAME, session).when().get("/demarches/nouvelle")
                .then().statusCode(503).contentType("text/html");
    }

    static int count(String html, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
