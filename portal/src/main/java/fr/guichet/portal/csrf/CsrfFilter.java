package fr.guichet.portal.csrf;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.RuntimeDelegate;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Reads the CSRF cookie of every request, sets it when a page issued a token, and refuses forged forms (403). */
public class CsrfFilter {

    private final Csrf csrf;
    private final Template error;

    public CsrfFilter(Csrf csrf, @Location("erreur.html") Template error) {
        this.csrf = csrf;
        this.error = error;
    }

    @ServerRequestFilter
    public void read(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Csrf.COOKIE);
        csrf.fromCookie(cookie == null ? null : cookie.getValue());
        // Issued now, not while a template renders: the template is written after response filters run.
        csrf.token();
    }

    @ServerResponseFilter
    public void write(ContainerResponseContext response) {
        csrf.cookieToSet().ifPresent(c -> response.getHeaders().add(HttpHeaders.SET_COOKIE,
                RuntimeDelegate.getInstance().createHeaderDelegate(jakarta.ws.rs.core.NewCookie.class).toString(c)));
    }

    @ServerExceptionMapper
    public Response refused(Csrf.CsrfRefused refused) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(error.data("person", null).data("status", 403)
                        .data("message", "Ce formulaire a expiré ou ne vient pas de Guichet : rechargez la page et recommencez.")
                        .render())
                .build();
    }
}
