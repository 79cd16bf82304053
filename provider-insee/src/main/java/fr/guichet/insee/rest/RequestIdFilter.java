package fr.guichet.insee.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The gateway forwards {@code X-Request-ID}: it goes into every log line of the call (MDC
 * {@code request_id}) and back in the response, so that a call is followed across services.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-ID";
    static final String MDC_KEY = "request_id";

    @ServerRequestFilter
    public void onRequest(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id != null && !id.isBlank()) {
            MDC.put(MDC_KEY, id.strip());
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(HEADER);
        if (id != null && !id.isBlank()) {
            response.getHeaders().putSingle(HEADER, id.strip());
        }
        MDC.remove(MDC_KEY);
    }
}
