package fr.guichet.portal.demarche.rest;

import fr.guichet.portal.csrf.Csrf;
import fr.guichet.portal.demarche.service.ContactsForm;
import fr.guichet.portal.demarche.service.DemarcheService;
import fr.guichet.portal.demarche.service.DemarcheView;
import fr.guichet.portal.demarche.service.PageFailure;
import fr.guichet.portal.demarche.service.RequestsCsv;
import fr.guichet.portal.session.CurrentSession;
import fr.guichet.portal.session.PartnerSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The partner's démarches ({@code /demarches...}, signed-in only: {@code SessionFilter}): list,
 * detail with contacts form and tokens, one-time token reveal, statistics, last requests and their
 * CSV export. Element ids are a contract with the browser tests (docs/internal-contracts.md).
 */
@Path("/demarches")
@Produces(MediaType.TEXT_HTML)
public class DemarcheResource {

    /** Longest CSV period, in days. */
    static final int MAX_CSV_DAYS = 366;

    private final DemarcheService demarches;
    private final CurrentSession current;
    private final Template list;
    private final Template detail;
    private final Template reveal;
    private final Template stats;
    private final Template requests;
    private final Csrf csrf;

    public DemarcheResource(DemarcheService demarches, CurrentSession current, Csrf csrf,
                            @Location("demarches.html") Template list, @Location("demarche.html") Template detail,
                            @Location("revelation.html") Template reveal, @Location("statistiques.html") Template stats,
                            @Location("requetes.html") Template requests) {
        this.demarches = demarches;
        this.current = current;
        this.csrf = csrf;
        this.list = list;
        this.detail = detail;
        this.reveal = reveal;
        this.stats = stats;
        this.requests = requests;
    }

    @GET
    public TemplateInstance list() {
        PartnerSession person = current.required();
        return list.data("person", person).data("demarches", demarches.list(person))
                .data("renewalDays", DemarcheService.RENEWAL_NOTICE_DAYS);
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id, @QueryParam("contacts") String saved) {
        PartnerSession person = current.required();
        DemarcheView d = demarches.find(person, id);
        ContactsForm form = new ContactsForm(d.contacts().techniqueEmail(), d.contacts().techniquePhone(),
                d.contacts().metierEmail(), d.contacts().metierPhone());
        return detailPage(person, d, form, Map.of(), "enregistres".equals(saved));
    }

    @POST
    @Path("{id}/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response contacts(@PathParam("id") String id, @FormParam(Csrf.FIELD) String csrfToken,
                             @FormParam("technique_email") String techniqueEmail,
                             @FormParam("technique_phone") String techniquePhone,
                             @FormParam("metier_email") String metierEmail, @FormParam("metier_phone") String metierPhone) {
        csrf.verify(csrfToken);
        PartnerSession person = current.required();
        DemarcheView d = demarches.find(person, id);
        ContactsForm form = new ContactsForm(techniqueEmail, techniquePhone, metierEmail, metierPhone);
        Map<String, String> errors = demarches.updateContacts(person, d, form);
        if (errors.isEmpty()) {
            return Response.seeOther(URI.create("/demarches/" + d.id() + "?contacts=enregistres")).build();
        }
        return Response.status(Response.Status.BAD_REQUEST).entity(detailPage(person, d, form, errors, false)).build();
    }

    @POST
    @Path("{id}/jetons/{jti}/revelation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance reveal(@PathParam("id") String id, @PathParam("jti") String jti,
                                   @FormParam(Csrf.FIELD) String csrfToken) {
        csrf.verify(csrfToken);
        PartnerSession person = current.required();
        DemarcheView d = demarches.find(person, id);
        DemarcheView.TokenView token = demarches.token(d, jti).orElseThrow(PageFailure::notFound);
        return reveal.data("person", person).data("demarche", d).data("token", token)
                .data("value", demarches.reveal(person, token.jti()));
    }

    @GET
    @Path("{id}/statistiques")
    public TemplateInstance statistics(@PathParam("id") String id, @QueryParam("jeton") String jti) {
        PartnerSession person = current.required();
        DemarcheView d = demarches.find(person, id);
        DemarcheView.TokenView token = demarches.token(d, jti).orElse(null);
        return stats.data("person", person).data("demarche", d).data("token", token)
                .data("stats", token == null ? null : demarches.stats(person, token.jti()))
                .data("days", DemarcheService.STATS_DAYS);
    }

    @GET
    @Path("{id}/requetes")
    public TemplateInstance lastRequests(@PathParam("id") String id, @QueryParam("jeton") String jti,
                                         @QueryParam("erreurs") String errorsOnly) {
        PartnerSession person = current.required();
        DemarcheView d = demarches.find(person, id);
        DemarcheView.TokenView token = demarches.token(d, jti).orElse(null);
        boolean onlyErrors = "1".equals(errorsOnly);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        return requests.data("person", person).data("demarche", d).data("token", token).data("errorsOnly", onlyErrors)
                .data("requests", token == null ? java.util.List.of() : demarches.lastRequests(person, token.jti(), onlyErrors))
                .data("from", today.minusDays(DemarcheService.STATS_DAYS - 1L)).data("to", today)
                .data("max", DemarcheService.MAX_REQUESTS);
    }

    @GET
    @Path("{id}/requetes.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") String id, @QueryParam("jeton") String jti, @QueryParam("from") String from,
                        @QueryParam("to") String to) {
        PartnerSession person = current.required();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate start;
        LocalDate end;
        try {
            end = to == null || to.isBlank() ? today : LocalDate.parse(to);
            start = from == null || from.isBlank() ? end.minusDays(DemarcheService.STATS_DAYS - 1L) : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            return badPeriod("Les dates « from » et « to » doivent être au format AAAA-MM-JJ (par exemple 2026-11-30).");
        }
        if (start.isAfter(end)) {
            return badPeriod("La date de début (« from ») doit précéder la date de fin (« to »).");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_CSV_DAYS) {
            return badPeriod("La période demandée ne peut dépasser " + MAX_CSV_DAYS + " jours.");
        }
        DemarcheView d = demarches.find(person, id);
        DemarcheView.TokenView token = demarches.token(d, jti).orElseThrow(PageFailure::notFound);
        String csv = RequestsCsv.of(demarches.requests(person, token.jti(), start, end));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"requetes-" + start + "-" + end + ".csv\"")
                .build();
    }

    private TemplateInstance detailPage(PartnerSession person, DemarcheView d, ContactsForm form,
                                        Map<String, String> errors, boolean saved) {
        return detail.data("person", person).data("demarche", d).data("form", form).data("errors", errors)
                .data("saved", saved).data("renewalDays", DemarcheService.RENEWAL_NOTICE_DAYS)
                .data("oauthClients", demarches.oauthClients(person, d));
    }

    private static Response badPeriod(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type("text/plain; charset=UTF-8").entity(message).build();
    }
}
