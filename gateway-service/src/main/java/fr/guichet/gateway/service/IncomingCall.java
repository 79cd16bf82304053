package fr.guichet.gateway.service;

import java.util.List;
import java.util.Map;

/**
 * What the gateway knows of an incoming HTTP call before handling it.
 *
 * @param cacheControl the partner's {@code Cache-Control} header, passed on to the provider
 *                     ({@code no-cache} asks provider-insee for a fresh answer), or null
 */
public record IncomingCall(String method, String path, String rawQuery, Map<String, List<String>> query,
                           String authorization, String apiKey, String requestId, String clientIp,
                           String userAgent, java.security.cert.X509Certificate clientCertificate,
                           String forwardedCertificate, String cacheControl) {

    public IncomingCall(String method, String path, String rawQuery, Map<String, List<String>> query,
                        String authorization, String apiKey, String requestId, String clientIp, String userAgent) {
        this(method, path, rawQuery, query, authorization, apiKey, requestId, clientIp, userAgent, null, null, null);
    }
}
