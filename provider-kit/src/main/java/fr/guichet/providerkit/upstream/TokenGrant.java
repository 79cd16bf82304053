package fr.guichet.providerkit.upstream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to obtain an upstream's OAuth2 access token (RFC 6749): the client-credentials grant
 * (§4.4), or the password grant (§4.3) when a username and password are given; the client
 * authenticates with HTTP Basic or with its credentials in the form ({@code client_secret_post}).
 * The form fields go in the order upstreams were recorded with: client credentials first (post
 * style), then {@code grant_type}, username and password, scope.
 *
 * @param cacheKey      Redis key of the shared token (for instance {@code guichet:dgfip:oauth:access_token})
 * @param refreshMargin a token is dropped this long before it expires, so it is never used stale
 */
public record TokenGrant(String cacheKey, String tokenUrl, ClientAuth clientAuth, String clientId, String clientSecret,
                         Optional<String> scope, Optional<String> username, Optional<String> password,
                         Duration refreshMargin) {

    /** Where the client's credentials go. */
    public enum ClientAuth {
        /** {@code Authorization: Basic base64(client_id:client_secret)}. */
        BASIC,
        /** {@code client_id} and {@code client_secret} form fields. */
        POST,
        /**
         * {@code {"client_id": ..., "client_secret": ...}} as a JSON body, nothing else (no
         * {@code grant_type}): not OAuth2's wording, but the exchange CIBTP was recorded with.
         */
        JSON
    }

    /** The client-credentials grant. */
    public static TokenGrant clientCredentials(String cacheKey, String tokenUrl, ClientAuth auth, String clientId,
                                               String clientSecret, Optional<String> scope, Duration refreshMargin) {
        return new TokenGrant(cacheKey, tokenUrl, auth, clientId, clientSecret, scope, Optional.empty(), Optional.empty(),
                refreshMargin);
    }

    /** The token request. */
    UpstreamRequest request() {
        if (clientAuth == ClientAuth.JSON) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("client_id", clientId).put("client_secret", clientSecret);
            return UpstreamRequest.post(tokenUrl, "application/json", body.toString().getBytes(StandardCharsets.UTF_8))
                    .withHeader("Accept", "application/json");
        }
        Map<String, String> form = new LinkedHashMap<>();
        if (clientAuth == ClientAuth.POST) {
            if (clientId != null) {
                form.put("client_id", clientId);
            }
            if (clientSecret != null) {
                form.put("client_secret", clientSecret);
            }
        }
        if (username.isPresent() && password.isPresent()) {
            form.put("grant_type", "password");
            form.put("username", username.get());
            form.put("password", password.get());
        } else {
            form.put("grant_type", "client_credentials");
        }
        scope.ifPresent(s -> form.put("scope", s));
        UpstreamRequest request = UpstreamRequest.postForm(tokenUrl, form).withHeader("Accept", "application/json");
        if (clientAuth == ClientAuth.BASIC) {
            String pair = (clientId == null ? "" : clientId) + ":" + (clientSecret == null ? "" : clientSecret);
            request = request.withHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
