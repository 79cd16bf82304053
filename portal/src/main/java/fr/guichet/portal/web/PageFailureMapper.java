package fr.guichet.portal.web;

import fr.guichet.portal.demarche.service.PageFailure;
import fr.guichet.portal.session.CurrentSession;
import fr.guichet.portal.session.SessionCookies;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Pages that token-service refused or could not serve: an ended session goes back to the login
 * page; a démarche the person may not see is a plain 404 (as one that does not exist); token-service
 * unavailable is a 503 page saying to retry. Never a stack trace.
 */
public class PageFailureMapper {

    private final Template error;
    private final SessionCookies cookies;
    private final CurrentSession current;

    public PageFailureMapper(@Location("erreur.html") Template error, SessionCookies cookies, CurrentSession current) {
        this.error = error;
        this.cookies = cookies;
        this.current = current;
    }

    @ServerExceptionMapper
    public Response map(PageFailure failure) {
        int status = failure.failure().status();
        if (failure.failure().sessionEnded()) {
            return Response.seeOther(URI.create("/connexion")).cookie(cookies.erased()).build();
        }
        // token-service's own refusals keep their status (404, 409, 410 already retrieved, 429...);
        // token-service unreachable or failing is this page's 503
        int shown = status == 0 || status >= 500 ? 503 : status;
        return Response.status(shown).type(MediaType.TEXT_HTML_TYPE)
                .entity(error.data("person", current.get().orElse(null)).data("status", shown)
                        .data("message", failure.getMessage()).render())
                .build();
    }
}
