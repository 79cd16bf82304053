package fr.guichet.portal.console.rest;

import fr.guichet.portal.console.service.ConsoleFailure;
import fr.guichet.portal.console.service.ConsoleService;
import fr.guichet.portal.console.session.ConsoleCookies;
import fr.guichet.portal.console.session.ConsoleSessionFilter;
import fr.guichet.portal.console.session.CurrentOperator;
import fr.guichet.portal.console.session.OperatorSession;
import fr.guichet.portal.csrf.Csrf;
import fr.guichet.portal.login.service.LoginService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operators' console ({@code /console...}): login by e-mailed link, the queue of submitted
 * habilitations, a habilitation's review with its decisions, tokens and audit trail, the expiring
 * tokens, the signing keys. Every form carries a CSRF token; an auditor's action is refused here
 * (403) before token-service would refuse it too.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    /** What an action's redirect may announce ({@code ?fait=}), and the message shown. */
    static final Map<String, String> DONE = Map.of(
            "validee", "L'habilitation est validée : son jeton est émis, le partenaire peut le récupérer.",
            "refusee", "L'habilitation est refusée ; le motif est communiqué au partenaire.",
            "revoque", "Le jeton est révoqué.",
            "prolonge", "Le jeton est prolongé : un nouveau jeton est émis.",
            "rotation", "Une nouvelle clé de signature est en service.");
    private static final Pattern ID = Pattern.compile("^[0-9a-fA-F-]{36}$");

    private final ConsoleService console;
    private final ConsoleCookies cookies;
    private final CurrentOperator current;
    private final Csrf csrf;
    private final Template login;
    private final Template queue;
    private final Template review;
    private final Template expiring;
    private final Template keys;
    private final Template error;

    public ConsoleResource(ConsoleService console, ConsoleCookies cookies, CurrentOperator current, Csrf csrf,
                           @Location("console/connexion.html") Template login,
                           @Location("console/file.html") Template queue,
                           @Location("console/habilitation.html") Template review,
                           @Location("console/jetons.html") Template expiring,
                           @Location("console/cles.html") Template keys,
                           @Location("erreur.html") Template error) {
        this.console = console;
        this.cookies = cookies;
        this.current = current;
        this.csrf = csrf;
        this.login = login;
        this.queue = queue;
        this.review = review;
        this.expiring = expiring;
        this.keys = keys;
        this.error = error;
    }

    // ------------------------------------------------------------------ login

    /** The login form ({@code #operator-email}); a signed-in operator goes to the queue. */
    @GET
    @Path("connexion")
    public Response loginForm() {
        if (current.get().isPresent()) {
            return Response.seeOther(URI.create("/console")).build();
        }
        return Response.ok(loginPage("", null, false)).build();
    }

    /** Asks token-service for a console link; the answer never says whether the address is an operator's. */
    @POST
    @Path("connexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response askLink(@FormParam(Csrf.FIELD) String csrfToken, @FormParam("email") String email,
                            @Context HttpServerRequest http) {
        csrf.verify(csrfToken);
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        LoginService.Outcome outcome = console.requestLink(email, address);
        return Response.status(outcome.status())
                .entity(loginPage(email == null ? "" : email.strip(), outcome.error(), outcome.ok())).build();
    }

    /** The e-mailed link: opens the operator's session, then the queue. */
    @GET
    @Path("connexion/lien")
    public Response link(@QueryParam("jeton") String secret) {
        try {
            OperatorSession session = console.openSession(secret);
            return Response.seeOther(URI.create("/console")).cookie(cookies.cookie(session)).build();
        } catch (LoginService.LoginRefused refused) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(loginPage("", refused.getMessage(), false)).build();
        }
    }

    @POST
    @Path("deconnexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam(Csrf.FIELD) String csrfToken) {
        csrf.verify(csrfToken);
        return Response.seeOther(URI.create(ConsoleSessionFilter.LOGIN)).cookie(cookies.erased()).build();
    }

    private TemplateInstance loginPage(String email, String error, boolean sent) {
        return login.data("person", null).data("email", email).data("error", error).data("sent", sent);
    }

    // ------------------------------------------------------------------ pages

    /** The queue of submitted habilitations ({@code tr.queued-habilitation}). */
    @GET
    public TemplateInstance queue() {
        OperatorSession operator = current.required();
        return page(queue, operator).data("habilitations", console.queue(operator));
    }

    /** A habilitation's review, with the message of the action just done ({@code ?fait=}). */
    @GET
    @Path("habilitations/{id}")
    public Response review(@PathParam("id") String id, @QueryParam("fait") String done) {
        return reviewPage(id, 200, DONE.get(done == null ? "" : done), null, null, "");
    }

    private Response reviewPage(String id, int status, String done, String actionError, String refuseError, String refuseReason) {
        if (!ID.matcher(id).matches()) {
            return ConsoleFailureMapper.page(error, 404, "Cette habilitation n'existe pas.");
        }
        OperatorSession operator = current.required();
        return Response.status(status).entity(page(review, operator).data("review", console.review(operator, id))
                .data("done", done).data("actionError", actionError)
                .data("refuseError", refuseError).data("refuseReason", refuseReason)).build();
    }

    /** The active tokens ending within 90 days ({@code #expiring-tokens}). */
    @GET
    @Path("jetons")
    public TemplateInstance expiring() {
        OperatorSession operator = current.required();
        return page(expiring, operator).data("tokens", console.expiring(operator))
                .data("days", ConsoleService.EXPIRING_DAYS);
    }

    /** The signing keys, with the rotation form ({@code #rotate-key}) for admins. */
    @GET
    @Path("cles")
    public TemplateInstance keys(@QueryParam("fait") String done) {
        OperatorSession operator = current.required();
        return page(keys, operator).data("keys", console.keys(operator)).data("done", DONE.get(done == null ? "" : done))
                .data("actionError", null);
    }

    private static TemplateInstance page(Template template, OperatorSession operator) {
        return template.data("person", null).data("operator", operator);
    }

    // ------------------------------------------------------------------ actions

    /** Validates a submitted habilitation (the reason is optional). */
    @POST
    @Path("habilitations/{id}/valider")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response validate(@PathParam("id") String id, @FormParam(Csrf.FIELD) String csrfToken,
                             @FormParam("reason") String reason) {
        return decide(id, csrfToken, "validate", reason, "validee");
    }

    /** Refuses a submitted habilitation; the reason is required (shown to the partner). */
    @POST
    @Path("habilitations/{id}/refuser")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refuse(@PathParam("id") String id, @FormParam(Csrf.FIELD) String csrfToken,
                           @FormParam("reason") String reason) {
        csrf.verify(csrfToken);
        if (reason == null || reason.isBlank()) {
            Response refused = adminOnly();
            if (refused != null) {
                return refused;
            }
            return reviewPage(id, 422, null, null,
                    "Indiquez le motif du refus : il est communiqué au partenaire.", "");
        }
        return decide(id, csrfToken, "refuse", reason, "refusee");
    }

    private Response decide(String id, String csrfToken, String action, String reason, String done) {
        csrf.verify(csrfToken);
        Response refused = adminOnly();
        if (refused != null) {
            return refused;
        }
        try {
            console.decide(current.required(), id, action, reason);
        } catch (ConsoleFailure failure) {
            return actionFailed(id, failure);
        }
        return Response.seeOther(URI.create("/console/habilitations/" + id + "?fait=" + done)).build();
    }

    /** Revokes a token (reason required by token-service); back to its habilitation. */
    @POST
    @Path("jetons/{jti}/revoquer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("jti") String jti, @FormParam(Csrf.FIELD) String csrfToken,
                           @FormParam("habilitation") String habilitation, @FormParam("reason") String reason) {
        return tokenAction(jti, csrfToken, habilitation, "revoke", reason, "revoque");
    }

    /** Prolongs a token (reason required by token-service); back to its habilitation. */
    @POST
    @Path("jetons/{jti}/prolonger")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response prolong(@PathParam("jti") String jti, @FormParam(Csrf.FIELD) String csrfToken,
                            @FormParam("habilitation") String habilitation, @FormParam("reason") String reason) {
        return tokenAction(jti, csrfToken, habilitation, "prolong", reason, "prolonge");
    }

    private Response tokenAction(String jti, String csrfToken, String habilitation, String action, String reason, String done) {
        csrf.verify(csrfToken);
        Response refused = adminOnly();
        if (refused != null) {
            return refused;
        }
        if (!ID.matcher(jti).matches() || habilitation == null || !ID.matcher(habilitation).matches()) {
            return ConsoleFailureMapper.page(error, 404, "Ce jeton n'existe pas.");
        }
        try {
            console.tokenAction(current.required(), jti, action, reason);
        } catch (ConsoleFailure failure) {
            return actionFailed(habilitation, failure);
        }
        return Response.seeOther(URI.create("/console/habilitations/" + habilitation + "?fait=" + done)).build();
    }

    /** Rotates the signing key. */
    @POST
    @Path("cles/rotation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@FormParam(Csrf.FIELD) String csrfToken, @FormParam("reason") String reason) {
        csrf.verify(csrfToken);
        Response refused = adminOnly();
        if (refused != null) {
            return refused;
        }
        OperatorSession operator = current.required();
        try {
            console.rotateKey(operator, reason);
        } catch (ConsoleFailure failure) {
            if (failure.failure().status() == 401 || failure.failure().status() == 0 || failure.failure().status() >= 500) {
                throw failure;
            }
            return Response.status(failure.failure().status()).entity(page(keys, operator).data("keys", console.keys(operator))
                    .data("done", null).data("actionError", failure.getMessage())).build();
        }
        return Response.seeOther(URI.create("/console/cles?fait=rotation")).build();
    }

    /** An auditor reads, never acts: 403 here, before token-service would refuse it. */
    private Response adminOnly() {
        if (current.required().admin()) {
            return null;
        }
        return ConsoleFailureMapper.page(error, 403,
                "Votre rôle d'auditeur permet de consulter la console, pas d'y agir : cette action est réservée aux administrateurs.");
    }

    /** token-service refused the action (bad state, missing reason...): the review again, with its message. */
    private Response actionFailed(String habilitation, ConsoleFailure failure) {
        int status = failure.failure().status();
        if (status == 401 || status == 0 || status >= 500 || status == 404) {
            throw failure;
        }
        return reviewPage(habilitation, status, null, failure.getMessage(), null, "");
    }
}
