package fr.guichet.portal.demarche.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.portal.session.PartnerSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The partner pages rendered with fixed data, shaped as token-service's {@code /me/...} answers:
 * the element ids and data attributes the browser tests rely on, the renewal prompt from 90 days
 * before the end, the statistics chart and table drawn from the same numbers.
 */
@QuarkusTest
class DemarchePagesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final PartnerSession PERSON = new PartnerSession("jwt", "tech@mairie.fr", "21750001600019", Long.MAX_VALUE);
    static final ObjectMapper JSON = new ObjectMapper();

    static final String HABILITATIONS = """
            {"data": [
              {"id": "11111111-1111-4111-8111-111111111111", "organisation_siret": "21750001600019",
               "api_kind": "entreprise", "intitule": "Marchés publics de la ville", "legal_basis": "Code de la commande publique",
               "scopes": ["unites_legales_etablissements_insee", "attestations_fiscales"], "status": "validated",
               "rate_limit_per_minute": 250, "environment": "production",
               "contacts": {"demandeur": {"email": "dgs@mairie.fr"}, "technique": {"email": "tech@mairie.fr", "phone": "0123456789"},
                            "metier": {"email": "achats@mairie.fr"}},
               "created_at": "2025-01-01T00:00:00Z"},
              {"id": "22222222-2222-4222-8222-222222222222", "organisation_siret": "21750001600019",
               "api_kind": "particulier", "intitule": "Tarification cantine", "scopes": ["cnaf_quotient_familial"],
               "status": "validated", "rate_limit_per_minute": 20,
               "contacts": {"demandeur": {"email": "dgs@mairie.fr"}, "technique": {"email": "tech@mairie.fr"},
                            "metier": {"email": "ecoles@mairie.fr"}},
               "created_at": "2025-01-01T00:00:00Z"}
            ]}""";
    static final String TOKENS = """
            {"data": [
              {"jti": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "habilitation_id": "11111111-1111-4111-8111-111111111111",
               "kind": "api", "status": "active", "scopes": [], "issued_at": "2026-01-10T10:00:00Z",
               "ends_at": "2027-01-29T10:00:00Z", "expires_at": "2027-01-29T10:00:00Z", "retrievable": true},
              {"jti": "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", "habilitation_id": "22222222-2222-4222-8222-222222222222",
               "kind": "api", "status": "active", "scopes": [], "issued_at": "2026-06-01T10:00:00Z",
               "ends_at": "2027-06-01T10:00:00Z", "expires_at": "2027-06-01T10:00:00Z", "retrievable": false}
            ]}""";

    @Inject
    @Location("demarches.html")
    Template list;

    @Inject
    @Location("demarche.html")
    Template detail;

    @Inject
    @Location("statistiques.html")
    Template stats;

    @Inject
    @Location("requetes.html")
    Template requests;

    static List<DemarcheView> views() throws Exception {
        DemarcheService service = new DemarcheService(null, java.time.Clock.fixed(
                TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        JsonNode tokens = JSON.readTree(TOKENS).path("data");
        List<DemarcheView> views = new java.util.ArrayList<>();
        for (JsonNode h : JSON.readTree(HABILITATIONS).path("data")) {
            views.add(service.view(h, tokens, TODAY));
        }
        return views;
    }

    @Test
    void daysLeftAndTheRenewalPromptFrom90DaysBeforeTheEnd() throws Exception {
        List<DemarcheView> views = views();
        DemarcheView soon = views.get(0);
        assertEquals(LocalDate.of(2027, 1, 29), soon.expiresOn());
        assertEquals(60L, soon.daysLeft());
        assertTrue(soon.renewalDue());
        DemarcheView later = views.get(1);
        assertEquals(183L, later.daysLeft());
        assertFalse(later.renewalDue());
        assertEquals("Validée", soon.statusLabel());
    }

    @Test
    void aDemarcheWithoutActiveTokenHasNoExpiry() throws Exception {
        DemarcheService service = new DemarcheService(null);
        DemarcheView d = service.view(JSON.readTree(HABILITATIONS).path("data").get(0), JSON.createArrayNode(), TODAY);
        assertNull(d.expiresOn());
        assertNull(d.daysLeft());
        assertFalse(d.renewalDue());
    }

    @Test
    @ActivateRequestContext
    void theListShowsEachDemarcheWithItsStatusQuotaExpiryAndDaysLeft() throws Exception {
        String html = list.data("person", PERSON).data("demarches", views()).data("renewalDays", 90).render();
        assertEquals(2, count(html, "<li class=\"demarche "));
        assertTrue(html.contains("data-habilitation-id=\"11111111-1111-4111-8111-111111111111\""));
        assertTrue(html.contains("Marchés publics de la ville"));
        assertTrue(html.contains("class=\"demarche-quota\">250 appels par minute"));
        assertTrue(html.contains("class=\"demarche-expiry\">29/01/2027"));
        assertTrue(html.contains("class=\"demarche-days-left\">60<"));
        assertEquals(1, count(html, "class=\"fr-alert fr-alert--warning fr-alert--sm demarche-renewal\""),
                "only the démarche ending within 90 days prompts for renewal");
        assertTrue(html.contains("demarche-status\">Validée"));
    }

    @Test
    @ActivateRequestContext
    void theDetailCarriesTheContactsFormWithItsIdsAndCsrfField() throws Exception {
        DemarcheView d = views().get(0);
        String html = detail.data("person", PERSON).data("demarche", d)
                .data("form", new ContactsForm("tech@mairie.fr", "0123456789", "achats@mairie.fr", null))
                .data("errors", Map.of()).data("saved", false).data("renewalDays", 90).data("oauthClients", List.of()).render();
        for (String id : new String[] {"id=\"contact-technique-email\"", "id=\"contact-metier-email\"",
                "id=\"contacts-submit\"", "id=\"tokens-table\"", "name=\"csrf-token\""}) {
            assertTrue(html.contains(id), id);
        }
        assertTrue(html.contains("value=\"achats@mairie.fr\""));
        assertTrue(html.contains("<code>attestations_fiscales</code>"));
        assertTrue(html.contains("token-reveal"), "a token never retrieved offers its one-time reveal");
        assertFalse(html.contains("fr-error-text"));
    }

    @Test
    @ActivateRequestContext
    void theOAuthClientsOfTheDemarcheShowWithTheirStateAndOnlyWhenItHasSome() throws Exception {
        DemarcheView d = views().get(0);
        JsonNode clients = JSON.readTree("""
                {"data": [
                  {"client_id": "gch_cli_marches", "habilitation_id": "11111111-1111-4111-8111-111111111111",
                   "status": "revoked", "created_at": "2026-02-01T10:00:00Z", "revoked_at": "2026-03-01T23:30:00Z"},
                  {"client_id": "gch_cli_cantine", "habilitation_id": "22222222-2222-4222-8222-222222222222",
                   "status": "active", "created_at": "2026-02-01T10:00:00Z"}
                ]}""").path("data");
        List<DemarcheView.OAuthClientView> own = new DemarcheService(null).oauthClients(clients, d.id());
        assertEquals(List.of("gch_cli_marches"), own.stream().map(DemarcheView.OAuthClientView::clientId).toList());
        String html = detail.data("person", PERSON).data("demarche", d).data("form", new ContactsForm("tech@mairie.fr", null, "achats@mairie.fr", null))
                .data("errors", Map.of()).data("saved", false).data("renewalDays", 90).data("oauthClients", own).render();
        assertTrue(html.contains("<tr class=\"oauth-client\" data-client-id=\"gch_cli_marches\" data-status=\"revoked\">"), html);
        // revoked late on 1 March UTC: 2 March in Paris
        assertTrue(html.contains("02/03/2026") && html.contains("Révoqué"), html);
        assertFalse(html.contains("gch_cli_cantine"), "another démarche's client");
        String without = detail.data("person", PERSON).data("demarche", d).data("form", new ContactsForm("tech@mairie.fr", null, "achats@mairie.fr", null))
                .data("errors", Map.of()).data("saved", false).data("renewalDays", 90).data("oauthClients", List.of()).render();
        assertFalse(without.contains("id=\"oauth-clients\""));
    }

    @Test
    @ActivateRequestContext
    void contactErrorsShowInFrenchNextToTheirField() throws Exception {
        DemarcheView d = views().get(0);
        ContactsForm form = new ContactsForm("pas-une-adresse", null, "achats@mairie.fr", null);
        String html = detail.data("person", PERSON).data("demarche", d).data("form", form).data("errors", form.errors())
                .data("saved", false).data("renewalDays", 90).data("oauthClients", List.of()).render();
        assertTrue(html.contains("<p class=\"fr-error-text\" id=\"contact-technique-email-error\">L&#39;adresse électronique du contact technique n&#39;est pas valide")
                        || html.contains("<p class=\"fr-error-text\" id=\"contact-technique-email-error\">L'adresse électronique du contact technique n'est pas valide"),
                html);
        assertTrue(html.contains("aria-describedby=\"contact-technique-email-error\""));
        assertTrue(html.contains("value=\"pas-une-adresse\""), "what the person typed stays in the field");
    }

    @Test
    @ActivateRequestContext
    void theChartAndTheTableShowTheSameNumbers() throws Exception {
        StatsView view = new StatsView("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", List.of(
                new StatsView.Day(LocalDate.of(2026, 11, 29), 5, 1, 0),
                new StatsView.Day(LocalDate.of(2026, 11, 30), 3, 0, 2)),
                List.of(new StatsView.Operation("insee_unites_legales", 8, 1, 2)), 11);
        DemarcheView d = views().get(0);
        String html = stats.data("person", PERSON).data("demarche", d).data("token", d.mainToken()).data("stats", view)
                .data("days", 30).render();
        assertTrue(html.contains("id=\"stats-table\""));
        assertTrue(html.contains("<bar-chart"));
        Matcher y = Pattern.compile("y='([^']*)'").matcher(html);
        assertTrue(y.find());
        assertEquals("[[5,3],[1,0],[0,2]]", y.group(1), "series: successes, 4xx, 5xx per day");
        Matcher rows = Pattern.compile("<tr class=\"stats-day\" data-day=\"([^\"]+)\" data-total=\"(\\d+)\"><th scope=\"row\">[^<]+</th>"
                + "<td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td>").matcher(html);
        StringBuilder fromTable = new StringBuilder();
        while (rows.find()) {
            fromTable.append(rows.group(3)).append('/').append(rows.group(4)).append('/').append(rows.group(5)).append(' ');
        }
        assertEquals("5/1/0 3/0/2 ", fromTable.toString());
        assertTrue(html.contains("id=\"stats-total\">11<"));
        assertTrue(html.contains("src=\"/assets/dsfr-chart/BarChart.js\""));
    }

    @Test
    @ActivateRequestContext
    void lastRequestsMarkErrorsAndCarryTheirStatus() throws Exception {
        DemarcheView d = views().get(0);
        List<RequestRow> rows = List.of(
                new RequestRow(java.time.Instant.parse("2026-11-30T09:00:00Z"), "insee_unites_legales", "/v3/x", 200, null, 40L, "r1"),
                new RequestRow(java.time.Instant.parse("2026-11-30T09:01:00Z"), "insee_unites_legales", "/v3/x", 403, "00100", 3L, "r2"));
        String html = requests.data("person", PERSON).data("demarche", d).data("token", d.mainToken()).data("errorsOnly", false)
                .data("requests", rows).data("from", TODAY.minusDays(29)).data("to", TODAY).data("max", 500).render();
        assertTrue(html.contains("id=\"requests-table\""));
        assertTrue(html.contains("<tr class=\"request\" data-status=\"200\">"));
        assertTrue(html.contains("<tr class=\"request request--error\" data-status=\"403\" data-error-code=\"00100\">"));
        assertTrue(html.contains("30/11/2026 10:01:00"), "times in Paris time");
        assertTrue(html.contains("action=\"/demarches/11111111-1111-4111-8111-111111111111/requetes.csv\""));
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
