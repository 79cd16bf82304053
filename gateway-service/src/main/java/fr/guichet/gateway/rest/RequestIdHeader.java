package fr.guichet.gateway.rest;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code X-Request-ID} on every response the router sends (partner guide: every answer carries
 * one), including those no data route writes: a path outside {@code /v<n>/...} (404
 * {@code 00003}), another method than GET (405 {@code 00503}), OPTIONS, the platform routes. The
 * caller's identifier when well-formed ({@link RequestIds}), else a fresh one; a response that set
 * its own keeps it. Requests the HTTP codec refuses before any route (a request line over 4,096
 * bytes: 414) are answered by Vert.x alone, without one.
 */
@ApplicationScoped
public class RequestIdHeader {

    static final String HEADER = "X-Request-ID";

    /** First of all routes, so that it is in place whatever answers. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::ensure);
    }

    void ensure(RoutingContext context) {
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(v -> {
            if (!response.headers().contains(HEADER)) {
                response.putHeader(HEADER, RequestIds.resolve(context.request().getHeader(HEADER)));
            }
        });
        context.next();
    }
}
