package fr.guichet.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.http.ErrorAnswers;
import fr.guichet.gateway.service.Errors;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Answers in the API's error model the calls that the HTTP router refuses before any route: 400
 * {@code 00250} ({@link Errors#malformedPath}) instead of Vert.x Web's bare "Bad Request" text.
 *
 * <p>The gateway runs with {@code -Dvertx.disableURIValidation=true} (launcher, Helm chart, test
 * stacks, this module's tests), so that Quarkus's own URI check no longer answers 400 with an
 * empty body before the gateway can read the call. A malformed escape in the query then reaches
 * {@link fr.guichet.gateway.validation.QueryParameters} (400 {@code 00250}, traced as any refused
 * call); one in the path ({@code /v3/insee/sirene/unites_legales/55%ZZ}, a lone {@code %}) makes
 * the router fail while matching routes, whatever the route, and lands here. No route, token or
 * parameter was read, so the answer is not traced, as before when Quarkus answered. An HTTP/1.1
 * request without a usable {@code Host} is refused the same way by every service
 * ({@link fr.guichet.common.http.HostlessRequests}).
 */
@ApplicationScoped
public class MalformedUriHandler {

    private static final Logger LOG = Logger.getLogger(MalformedUriHandler.class);

    private final ObjectMapper mapper;

    public MalformedUriHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Registers the answer for the router's unhandled 400s (a failure handler would never see them). */
    void register(@Observes Router router) {
        router.errorHandler(400, this::answer);
    }

    /** 400 {@code 00250} in JSON with an {@code X-Request-ID}, unless something already answered. */
    void answer(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        refuse(context.request(), hasMalformedEscape(context.request().path())
                ? "Le chemin de la requête comporte un encodage « % » invalide ou incomplet."
                : "L'adresse de la requête ne peut pas être lue.");
    }

    /**
     * Answers 400 with code {@code 00250} ({@link Errors#malformedQuery}) and {@code detail}, in
     * JSON, with the caller's {@code X-Request-ID} when well-formed (else a new one). Logs the
     * request id only, at DEBUG: never the request line, whose query may carry a token or a
     * recipient.
     */
    void refuse(HttpServerRequest request, String detail) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        String requestId = RequestIds.resolve(request.getHeader("X-Request-ID"));
        ApiException refusal = Errors.malformedQuery(detail);
        LOG.debugf("Call %s refused before any route", requestId);
        ErrorAnswers.end(response, mapper, refusal, requestId);
    }

    /**
     * True when {@code raw} holds a {@code %} not followed by two ASCII hexadecimal digits (RFC
     * 3986, section 2.1), which the router cannot decode.
     */
    static boolean hasMalformedEscape(String raw) {
        if (raw == null) {
            return false;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
