package fr.guichet.gateway.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The caller's address. Behind an ingress, enable {@code quarkus.http.proxy.proxy-address-forwarding}
 * (with trusted proxies) and Vert.x reports the forwarded address here.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The address of the TCP peer itself, never a forwarded one: what decides whether a header
     * set by an ingress (the client certificate) can be believed.
     */
    public static String peer(HttpServerRequest request) {
        SocketAddress address = request.connection() == null ? null : request.connection().remoteAddress();
        return address == null ? of(request) : address.hostAddress();
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
