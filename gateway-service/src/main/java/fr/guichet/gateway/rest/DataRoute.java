package fr.guichet.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.auth.ClientCertificates;
import fr.guichet.gateway.service.GatewayService;
import fr.guichet.gateway.service.IncomingCall;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logging.MDC;

/**
 * Every data call ({@code GET} or {@code HEAD /v<n>/...}) on a plain Vert.x route, ahead of the REST layer, whose
 * routing, parameter handlers, response building and header map cost about 6 % of the gateway's
 * CPU under load (docs/benchmarks.md) for calls that need none of them. The answer is the one
 * {@link GatewayService} built, written as the REST layer wrote it: its status, its headers, its
 * body (the provider's bytes, or the API's error model in JSON); a failure the service did not
 * turn into an answer is answered as {@link ApiExceptionMapper} answers it. HEAD is the same call,
 * checked, counted against the quota and traced (as {@code HEAD}) as GET is, and answered with the
 * same status and headers, including the {@code Content-Length} of the body GET would send (RFC
 * 9110, section 9.3.2), without that body. The other methods stay with the REST layer
 * ({@link GatewayResource}; 405 {@code 00503}).
 */
@ApplicationScoped
public class DataRoute {

    /**
     * The URI tag of the data calls in the HTTP server metrics, as the REST layer's template gave
     * it: one series for all, never one per SIREN or SIRET (Quarkus reads {@code UrlPathTemplate}).
     */
    static final String URI_TEMPLATE = "/{path}";

    private final GatewayService service;
    private final ClientCertificates certificates;
    private final ObjectMapper mapper;

    public DataRoute(GatewayService service, ClientCertificates certificates, ObjectMapper mapper) {
        this.service = service;
        this.certificates = certificates;
        this.mapper = mapper;
    }

    /** Right after {@link RequestIdHeader}: before the REST layer's own route. */
    void register(@Observes Router router) {
        router.routeWithRegex(HttpMethod.GET, GatewayResource.DATA_PATH).order(Integer.MIN_VALUE + 1).handler(this::handle);
        router.routeWithRegex(HttpMethod.HEAD, GatewayResource.DATA_PATH).order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    void handle(RoutingContext context) {
        ContextLocals.put("UrlPathTemplate", URI_TEMPLATE);
        IncomingCall call = GatewayResource.incomingCall(context.request(), certificates);
        // Served on the event loop: GatewayService parks no thread (its blocking steps go to workers).
        MDC.put("request_id", call.requestId());
        service.handle(call).subscribe().with(answer -> {
            MDC.remove("request_id");
            write(context.request().method(), context.response(), answer);
        }, failure -> {
            MDC.remove("request_id");
            write(context.request().method(), context.response(), ApiExceptionMapper.toResponse(failure));
        });
    }

    /**
     * Status, headers and body of {@code answer}, unless the client has gone; to HEAD, the body's
     * length instead of the body (Vert.x sets no {@code Content-Length} on a HEAD answer by itself,
     * and a client that reads one waits for the body otherwise).
     */
    void write(HttpMethod method, HttpServerResponse out, Response answer) {
        if (out.ended() || out.closed()) {
            return;
        }
        Buffer body;
        try {
            body = body(answer.getEntity());
        } catch (JsonProcessingException e) {
            answer = ApiExceptionMapper.toResponse(new IllegalStateException("answer not serialisable", e));
            try {
                body = body(answer.getEntity());
            } catch (JsonProcessingException again) {
                body = Buffer.buffer();
            }
        }
        out.setStatusCode(answer.getStatus());
        MultivaluedMap<String, Object> headers = answer.getMetadata();
        for (var header : headers.entrySet()) {
            List<Object> values = header.getValue();
            for (Object value : values) {
                out.headers().add(header.getKey(), String.valueOf(value));
            }
        }
        if (method == HttpMethod.HEAD) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
            out.end();
        } else {
            out.end(body);
        }
    }

    private Buffer body(Object entity) throws JsonProcessingException {
        if (entity == null) {
            return Buffer.buffer();
        }
        if (entity instanceof byte[] bytes) {
            return Buffer.buffer(bytes);
        }
        if (entity instanceof String text) {
            return Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
        }
        return Buffer.buffer(mapper.writeValueAsBytes(entity));
    }
}
