package fr.guichet.token.logging;

import fr.guichet.common.logging.RequestIds;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts each request's id ({@code X-Request-ID}, else a new one) in the log MDC while it is served,
 * and echoes it in the response, so that every log line of a request can be found by its id.
 */
public class RequestIdFilter {

    @ServerRequestFilter(preMatching = true)
    public void begin(ContainerRequestContext request) {
        request.setProperty(RequestIds.MDC_KEY, RequestIds.begin(request.getHeaderString(RequestIds.HEADER)));
    }

    @ServerResponseFilter
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestIds.MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id);
        }
        RequestIds.end();
    }
}
