package fr.guichet.portal.login.rest;

import fr.guichet.portal.csrf.Csrf;
import fr.guichet.portal.login.service.LoginService;
import fr.guichet.portal.session.CurrentSession;
import fr.guichet.portal.session.PartnerSession;
import fr.guichet.portal.session.SessionCookies;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Partner login and logout: {@code GET /connexion} (form {@code #login-email}), {@code POST
 * /connexion} (asks token-service for a magic link), {@code GET /connexion/lien?jeton=...} (the
 * e-mailed link: opens the session), {@code POST /deconnexion}. Every form carries a CSRF token.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    private final LoginService login;
    private final SessionCookies cookies;
    private final CurrentSession current;
    private final Template page;
    private final Csrf csrf;

    public LoginResource(LoginService login, SessionCookies cookies, CurrentSession current,
                         @Location("login.html") Template page, Csrf csrf) {
        this.csrf = csrf;
        this.login = login;
        this.cookies = cookies;
        this.current = current;
        this.page = page;
    }

    /**
     * The login form; with {@code jeton}, the landing of a magic link whose address is
     * token-service's default login page ({@code dashboard-url/connexion}), handled as
     * {@code /connexion/lien}.
     */
    @GET
    @Path("connexion")
    public Response form(@QueryParam("jeton") String secret) {
        if (secret != null) {
            return link(secret);
        }
        if (current.get().isPresent()) {
            return Response.seeOther(URI.create("/demarches")).build();
        }
        return Response.ok(page.data("email", "").data("error", null).data("sent", false)
                .data("person", null)).build();
    }

    @POST
    @Path("connexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@FormParam(Csrf.FIELD) String csrfToken, @FormParam("email") String email,
                        @Context HttpServerRequest http) {
        csrf.verify(csrfToken);
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        LoginService.Outcome outcome = login.requestLink(email, address);
        String shown = email == null ? "" : email.strip();
        return Response.status(outcome.status()).entity(page.data("email", shown)
                .data("error", outcome.error()).data("sent", outcome.ok()).data("person", null)).build();
    }

    @GET
    @Path("connexion/lien")
    public Response link(@QueryParam("jeton") String secret) {
        try {
            PartnerSession session = login.openSession(secret);
            return Response.seeOther(URI.create("/demarches")).cookie(cookies.cookie(session)).build();
        } catch (LoginService.LoginRefused refused) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(page.data("email", "")
                    .data("error", refused.getMessage()).data("sent", false).data("person", null)).build();
        }
    }

    @POST
    @Path("deconnexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam(Csrf.FIELD) String csrfToken) {
        csrf.verify(csrfToken);
        return Response.seeOther(URI.create("/")).cookie(cookies.erased()).build();
    }
}
