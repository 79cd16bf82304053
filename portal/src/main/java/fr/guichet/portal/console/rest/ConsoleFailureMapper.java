package fr.guichet.portal.console.rest;

import fr.guichet.portal.console.service.ConsoleFailure;
import fr.guichet.portal.console.session.ConsoleCookies;
import fr.guichet.portal.console.session.ConsoleSessionFilter;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Console pages token-service refused or could not serve: a session it no longer accepts (ended,
 * or the operator deactivated: 401) goes back to the console's login page; its other refusals
 * keep their status (403 an auditor's action, 404, 409...); token-service unavailable is a 503.
 */
public class ConsoleFailureMapper {

    private final Template error;
    private final ConsoleCookies cookies;

    public ConsoleFailureMapper(@Location("erreur.html") Template error, ConsoleCookies cookies) {
        this.error = error;
        this.cookies = cookies;
    }

    @ServerExceptionMapper
    public Response map(ConsoleFailure failure) {
        int status = failure.failure().status();
        if (status == 401) {
            return Response.seeOther(URI.create(ConsoleSessionFilter.LOGIN)).cookie(cookies.erased()).build();
        }
        int shown = status == 0 || status >= 500 ? 503 : status;
        return page(error, shown, failure.getMessage());
    }

    /** The error page with {@code status} and its French {@code message}. */
    static Response page(Template error, int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(error.data("person", null).data("status", status).data("message", message).render())
                .build();
    }
}
