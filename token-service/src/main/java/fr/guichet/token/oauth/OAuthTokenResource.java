package fr.guichet.token.oauth;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import fr.guichet.token.auth.BasicCredentials;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@code POST /oauth/token}: client credentials grant, client_secret_basic or client_secret_post. */
@Tag(name = "OAuth2", description = "Client credentials (RFC 6749 §4.4)")
@Path("/oauth/token")
public class OAuthTokenResource {

    @Inject
    OAuthService oauth;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> token(MultivaluedMap<String, String> form,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @Context HttpServerRequest request) {
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw OAuthException.invalidRequest("Le paramètre « grant_type » est obligatoire.");
        }
        if (!"client_credentials".equals(grantType)) {
            throw OAuthException.unsupportedGrantType(grantType);
        }
        Optional<BasicCredentials> basic = BasicCredentials.parse(authorization);
        String postId = single(form, "client_id");
        String postSecret = single(form, "client_secret");
        if (basic.isPresent() && postSecret != null) {
            throw OAuthException.invalidRequest("Une seule méthode d'authentification du client est permise.");
        }
        String clientId;
        String secret;
        if (basic.isPresent()) {
            // RFC 6749 §2.3.1: the credentials are form-urlencoded before Basic encoding.
            clientId = java.net.URLDecoder.decode(basic.get().user(), java.nio.charset.StandardCharsets.UTF_8);
            secret = java.net.URLDecoder.decode(basic.get().secret(), java.nio.charset.StandardCharsets.UTF_8);
        } else if (postId != null && postSecret != null) {
            clientId = postId;
            secret = postSecret;
        } else if (authorization != null) {
            throw OAuthException.invalidClient(true);
        } else {
            throw OAuthException.invalidRequest("Identifiants du client absents (client_secret_basic ou client_secret_post).");
        }
        String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return oauth.clientCredentials(clientId, secret, basic.isPresent(), single(form, "scope"), ip)
                .map(grant -> Response.ok(OAuthService.body(grant))
                        .header("Cache-Control", "no-store").header("Pragma", "no-cache").build());
    }

    private static String single(MultivaluedMap<String, String> form, String name) {
        if (form == null) {
            return null;
        }
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthException.invalidRequest("Le paramètre « " + name + " » est répété.");
        }
        String value = values.get(0);
        return value == null || value.isEmpty() ? null : value;
    }

    @ServerExceptionMapper
    public Response oauthError(OAuthException e) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(e.error()).header("Cache-Control", "no-store").header("Pragma", "no-cache");
        if (e.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"guichet\"");
        }
        if (e.retryAfter() != null) {
            builder.header("Retry-After", e.retryAfter());
        }
        return builder.build();
    }
}
