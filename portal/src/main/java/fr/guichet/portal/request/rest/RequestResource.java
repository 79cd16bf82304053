package fr.guichet.portal.request.rest;

import fr.guichet.portal.csrf.Csrf;
import fr.guichet.portal.request.service.RequestForm;
import fr.guichet.portal.request.service.RequestService;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The request for a new démarche ({@code /demarches/nouvelle}, signed-in only: {@code SessionFilter}),
 * as the terms describe the "demande d'adhésion": title, legal basis, the data strictly needed
 * (scopes by provider, with what each gives), expected volume, recipients, contacts, acceptance
 * of the terms. Element ids are a contract with the browser tests (docs/internal-contracts.md).
 */
@Path("/demarches/nouvelle")
@Produces(MediaType.TEXT_HTML)
public class RequestResource {

    /** The contacts a partner names, in the order of the form (the demandeur is the session's person). */
    static final List<String> CONTACT_ROLES = List.of("technique", "metier");

    private final RequestService requests;
    private final CurrentSession current;
    private final Csrf csrf;
    private final Template form;

    public RequestResource(RequestService requests, CurrentSession current, Csrf csrf,
                           @Location("demande.html") Template form) {
        this.requests = requests;
        this.current = current;
        this.csrf = csrf;
        this.form = form;
    }

    /** The empty form for {@code api_kind} ({@code entreprise} unless {@code particulier}). */
    @GET
    public TemplateInstance form(@QueryParam("api_kind") String apiKind) {
        PartnerSession person = current.required();
        RequestForm empty = RequestForm.empty("particulier".equals(apiKind) ? "particulier" : "entreprise");
        return page(person, empty, Map.of());
    }

    /** Sends the request: 303 to {@code /demarches?demande=envoyee}, or 400 with the form and its errors. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@FormParam(Csrf.FIELD) String csrfToken, @FormParam("api_kind") String apiKind,
                           @FormParam("intitule") String intitule, @FormParam("legal_basis") String legalBasis,
                           @FormParam("scopes") List<String> scopes,
                           @FormParam("expected_volume_per_day") String volume,
                           @FormParam("recipients") String recipients,
                           @FormParam("technique_email") String techniqueEmail,
                           @FormParam("technique_phone") String techniquePhone,
                           @FormParam("metier_email") String metierEmail, @FormParam("metier_phone") String metierPhone,
                           @FormParam("terms_accepted") String termsAccepted) {
        csrf.verify(csrfToken);
        PartnerSession person = current.required();
        RequestForm typed = new RequestForm("particulier".equals(apiKind) ? "particulier" : "entreprise", intitule,
                legalBasis, scopes, volume, recipients, techniqueEmail, techniquePhone, metierEmail, metierPhone,
                "true".equals(termsAccepted));
        Map<String, String> errors = requests.submit(person, typed);
        if (errors.isEmpty()) {
            return Response.seeOther(URI.create("/demarches?demande=envoyee")).build();
        }
        return Response.status(Response.Status.BAD_REQUEST).entity(page(person, typed, errors)).build();
    }

    private TemplateInstance page(PartnerSession person, RequestForm typed, Map<String, String> errors) {
        return form.data("person", person).data("form", typed).data("errors", errors)
                .data("catalogue", requests.catalogue(person, typed)).data("maxVolume", RequestForm.MAX_VOLUME)
                .data("roles", CONTACT_ROLES);
    }
}
