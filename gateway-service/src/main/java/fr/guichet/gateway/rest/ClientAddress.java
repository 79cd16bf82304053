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

    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
