package fr.guichet.gateway.rest;

import fr.guichet.gateway.service.GatewayService;
import fr.guichet.gateway.service.IncomingCall;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.MDC;
import fr.guichet.gateway.auth.ClientCertificates;
import java.security.cert.X509Certificate;

/**
 * Every versioned data path ({@code /v3/...}, {@code /v4/...}, and unknown versions for their 404)
 * in the REST layer, so that it answers the other methods 405 {@code 00503} (with {@code Allow})
 * and OPTIONS; GET and HEAD are {@link DataRoute}'s, ahead of it.
 */
@Path("/")
public class GatewayResource {

    private final GatewayService service;
    private final ClientCertificates certificates;

    public GatewayResource(GatewayService service, ClientCertificates certificates) {
        this.service = service;
        this.certificates = certificates;
    }

    /** The data paths: {@code /v<n>} and below, for {@link DataRoute} (GET, HEAD) and {@link #data}. */
    static final String DATA_PATH = "/v\\d+(?:/.*)?";

    /**
     * A data call, should one reach the REST layer ({@link DataRoute} answers GET and HEAD ahead of
     * it): the same answer. Declared so that the REST layer knows the path serves GET (405 to the
     * other methods, OPTIONS).
     */
    @GET
    @Path("{path: v\\d+(/.*)?}")
    @Operation(hidden = true)
    public Uni<Response> data(@Context HttpServerRequest request) {
        // Served on the event loop: GatewayService parks no thread (its blocking steps go to workers).
        IncomingCall call = incomingCall(request, certificates);
        MDC.put("request_id", call.requestId());
        return service.handle(call).onTermination().invoke(() -> MDC.remove("request_id"));
    }

    /**
     * What the gateway reads of a data call: method (GET or HEAD, traced as received), path, query,
     * credentials, identifiers, client addresses.
     */
    static IncomingCall incomingCall(HttpServerRequest request, ClientCertificates certificates) {
        String requestId = RequestIds.resolve(request.getHeader("X-Request-ID"));
        return new IncomingCall(request.method().name(), request.path(), request.query(),
                request.getHeader("Authorization"), request.getHeader("X-Api-Key"),
                requestId, ClientAddress.of(request), request.getHeader("User-Agent"), tlsCertificate(request),
                request.getHeader(certificates.header()), ClientAddress.peer(request),
                request.getHeader("Cache-Control"));
    }

    /** The certificate presented to the gateway's own TLS listener, if any. */
    private static X509Certificate tlsCertificate(HttpServerRequest request) {
        try {
            var session = request.sslSession();
            if (session != null && session.getPeerCertificates().length > 0
                    && session.getPeerCertificates()[0] instanceof X509Certificate x509) {
                return x509;
            }
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
        return null;
    }
}
