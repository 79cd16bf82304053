package fr.guichet.portal.console.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Opens the console cookie of every {@code /console} request; the console's pages without a valid
 * operator session (all but {@value #LOGIN}...) send the browser to the console's login page.
 * No console page is ever cached.
 */
public class ConsoleSessionFilter {

    /** The console's login pages, open without a session. */
    public static final String LOGIN = "/console/connexion";

    private final ConsoleCookies cookies;
    private final CurrentOperator current;

    public ConsoleSessionFilter(ConsoleCookies cookies, CurrentOperator current) {
        this.cookies = cookies;
        this.current = current;
    }

    @ServerRequestFilter
    public Response open(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!inConsole(path)) {
            return null;
        }
        Cookie cookie = request.getCookies().get(ConsoleCookies.NAME);
        cookies.open(cookie == null ? null : cookie.getValue()).ifPresent(current::set);
        if (current.get().isEmpty() && !path.equals(LOGIN) && !path.startsWith(LOGIN + "/")) {
            return Response.seeOther(URI.create(LOGIN)).cookie(cookies.erased()).build();
        }
        return null;
    }

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (inConsole(request.getUriInfo().getPath())) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }

    private static boolean inConsole(String path) {
        return path.equals(ConsoleCookies.PATH) || path.startsWith(ConsoleCookies.PATH + "/");
    }
}
