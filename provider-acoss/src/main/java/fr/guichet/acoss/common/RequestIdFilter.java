package fr.guichet.acoss.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** The gateway's {@code X-Request-ID} in every log line of the request, to follow one call across services. */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-ID";
    public static final String MDC_KEY = "request_id";

    @ServerRequestFilter
    public void requestId(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id != null && id.length() <= 128) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }
}
