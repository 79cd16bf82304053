package fr.guichet.dgfip.support;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The gateway's {@code X-Request-ID}: put in the log context of the call (so DGFIP warnings can be
 * matched with the trace) and echoed on the answer.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-ID";
    static final String MDC_KEY = "requestId";

    @ServerRequestFilter
    public void onRequest(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id != null && id.length() <= 128) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(HEADER);
        if (id != null && id.length() <= 128) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
