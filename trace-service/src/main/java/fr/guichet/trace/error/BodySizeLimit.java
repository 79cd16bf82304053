package fr.guichet.trace.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.http.ErrorAnswers;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body ({@code Content-Length}) exceeds
 * {@code quarkus.http.limits.max-body-size} with 413 {@code 00261}
 * ({@link TraceErrors#payloadTooLarge}) in the API error model, instead of Quarkus's bare 413 with
 * an empty body.
 *
 * <p>Quarkus checks the limit in a router handler of order {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT},
 * before any REST resource or exception mapper runs; this handler runs just ahead of it with the
 * same limit and the same effect: the body is not read and the connection is closed once the answer
 * is sent (the unread body would otherwise be taken for the next request). A chunked body, whose
 * size is not declared, is still cut by Quarkus when it crosses the limit while being read.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;
    private final ObjectMapper mapper;

    /**
     * @param maxBodySize the server's limit; absent, Quarkus applies none and neither does this handler
     */
    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
                         ObjectMapper mapper) {
        this.limit = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && above(declared)) {
            answer(context);
        } else {
            context.next();
        }
    }

    private boolean above(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            // Not a length: the HTTP layer refuses it, not this limit.
            return false;
        }
    }

    private void answer(RoutingContext context) {
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.CONNECTION, "close").endHandler(done -> context.request().connection().close());
        ErrorAnswers.end(response, mapper, TraceErrors.payloadTooLarge(limit), null);
    }
}
