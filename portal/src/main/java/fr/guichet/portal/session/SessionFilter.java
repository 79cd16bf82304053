package fr.guichet.portal.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Opens the session cookie of every request; the partner pages ({@code /demarches...}) without a
 * valid session send the browser to the login page. Pages holding a person's data are never cached.
 */
public class SessionFilter {

    /** The path prefix of the pages that need a signed-in partner. */
    public static final String GUARDED = "/demarches";

    private final SessionCookies cookies;
    private final CurrentSession current;

    public SessionFilter(SessionCookies cookies, CurrentSession current) {
        this.cookies = cookies;
        this.current = current;
    }

    @ServerRequestFilter
    public Response open(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookies.NAME);
        cookies.open(cookie == null ? null : cookie.getValue()).ifPresent(current::set);
        String path = request.getUriInfo().getPath();
        if (current.get().isEmpty() && (path.equals(GUARDED) || path.startsWith(GUARDED + "/"))) {
            return Response.seeOther(URI.create("/connexion")).cookie(cookies.erased()).build();
        }
        return null;
    }

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith(GUARDED) || path.startsWith("/connexion")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
