package fr.guichet.gateway.service;

/**
 * What the gateway knows of an incoming HTTP call before handling it. The query is kept raw:
 * {@link fr.guichet.gateway.validation.QueryParameters} is its one parsing.
 *
 * @param clientIp     the caller's address (the forwarded one behind a trusted ingress)
 * @param peerAddress  the address of the TCP peer itself (the ingress, behind one)
 * @param cacheControl the partner's {@code Cache-Control} header, passed on to the provider
 *                     ({@code no-cache} asks provider-insee for a fresh answer), or null
 */
public record IncomingCall(String method, String path, String rawQuery,
                           String authorization, String apiKey, String requestId, String clientIp,
                           String userAgent, java.security.cert.X509Certificate clientCertificate,
                           String forwardedCertificate, String peerAddress, String cacheControl) {

    public IncomingCall(String method, String path, String rawQuery,
                        String authorization, String apiKey, String requestId, String clientIp, String userAgent) {
        this(method, path, rawQuery, authorization, apiKey, requestId, clientIp, userAgent, null, null, clientIp, null);
    }
}
