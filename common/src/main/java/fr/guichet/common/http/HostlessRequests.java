package fr.guichet.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.logging.RequestIds;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Answers an HTTP/1.1 request without a usable {@code Host} (RFC 9112, section 3.2; HTTP/2:
 * {@code :authority}), which Vert.x Web fails before any route, in every Guichet service: 400
 * {@value #CODE} "Requête mal formée" in the error model, with an {@code X-Request-ID}, instead of
 * Quarkus's error page, whose ERROR log line carries the request line, query string included (a
 * partner's token, a recipient, a portal sign-in link's {@code jeton}). Logs the request id only,
 * at DEBUG. HTTP/1.0 needs no {@code Host}, and an empty one is valid: those go on as before, as
 * does every other failure. A request with more than one {@code Host} line gets the same answer
 * (RFC 9112, section 3.2: "more than one Host header line"), where Vert.x would take the first.
 *
 * <p>A bean of this module, registered in each service that indexes it (every service does).
 */
@ApplicationScoped
public class HostlessRequests {

    /** Code of the refusal, the gateway's "malformed request" (not in API Entreprise's errors.yml). */
    public static final String CODE = "00250";

    private static final Logger LOG = Logger.getLogger(HostlessRequests.class);

    private final ObjectMapper mapper;

    public HostlessRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** First of the router's failure handlers, ahead of Quarkus's own; first of its handlers. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        router.route().order(Integer.MIN_VALUE).handler(this::refuseRepeatedHost);
    }

    void refuseRepeatedHost(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.version() == HttpVersion.HTTP_2 || request.headers().getAll(HttpHeaders.HOST).size() < 2) {
            context.next();
            return;
        }
        refuse(context, "La requête doit indiquer un seul hôte : plusieurs en-têtes Host (RFC 9112, section 3.2).");
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        if (context.statusCode() != 400 || request.version() == HttpVersion.HTTP_1_0 || request.authority() != null
                || response.headWritten() || response.ended() || response.closed()) {
            context.next();
            return;
        }
        refuse(context, "La requête doit indiquer l'hôte appelé : en-tête Host absent ou invalide (RFC 9112, section 3.2).");
    }

    private void refuse(RoutingContext context, String detail) {
        String requestId = RequestIds.resolve(context.request().getHeader(RequestIds.HEADER));
        ApiException refusal = new ApiException(400, new ApiError(CODE, "Requête mal formée", detail, null, Map.of()));
        LOG.debugf("Call %s refused before any route: no single Host", requestId);
        ErrorAnswers.end(context.response(), mapper, refusal, requestId);
    }
}
