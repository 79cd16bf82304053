package fr.guichet.providerkit.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code X-Request-ID} across services: the gateway's id (or a fresh one when a call comes
 * without a usable one) goes into every log line of the call under the MDC key {@link #MDC_KEY}
 * and always back in the response, so that a call is followed from the gateway to the upstream.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-ID";
    /** The one MDC key of the request id, in every service's log format ({@code %X{request_id}}). */
    public static final String MDC_KEY = "request_id";
    private static final String PROPERTY = "guichet.request-id";
    /** The gateway's own rule: anything else is replaced, never echoed. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    // Before the service credential check, so that a refused call is logged and answered with its id too.
    @ServerRequestFilter(preMatching = true, priority = jakarta.ws.rs.Priorities.AUTHENTICATION - 100)
    public void onRequest(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && VALID.matcher(given.strip()).matches() ? given.strip() : UUID.randomUUID().toString();
        request.setProperty(PROPERTY, id);
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id.toString());
        }
        MDC.remove(MDC_KEY);
    }
}
