package fr.guichet.token.auth;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.error.TokenErrors;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** Operator bootstrap: the admin secret buys an admin session JWT ({@code bin/guichet admin-token}). */
@Tag(name = "Authentification", description = "Session d'administration par secret d'amorçage")
@Path("/auth/admin-tokens")
public class AdminAuthResource {

    @RegisterForReflection
    public record SessionView(@JsonProperty("access_token") String accessToken,
                              @JsonProperty("token_type") String tokenType,
                              @JsonProperty("expires_in") long expiresIn) {
    }

    @Inject
    TokenConfig config;

    @Inject
    SessionTokens sessions;

    @Inject
    AttemptGuard guard;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<SessionView> issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @Context HttpServerRequest request) {
        // Per address with backoff, never a lockout of the admin account itself.
        String subject = AttemptGuard.address("admin", request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        return guard.blockedFor(subject).flatMap(wait -> {
            if (wait > 0) {
                return Uni.createFrom().failure(TokenErrors.tooManyAttempts(wait));
            }
            Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
            boolean ok = credentials.isPresent() && "admin".equals(credentials.get().user())
                    && BasicCredentials.same(credentials.get().secret(), config.admin().bootstrapSecret());
            if (!ok) {
                return guard.failed(subject)
                        .chain(() -> Uni.createFrom().failure(TokenErrors.unauthorized(
                                "Identifiants d'administration invalides (Basic admin:<secret d'amorçage>).")));
            }
            String jwt = sessions.issue("admin", List.of(SessionTokens.GROUP_ADMIN), null, config.admin().sessionTtl());
            return guard.succeeded(subject)
                    .replaceWith(new SessionView(jwt, "Bearer", config.admin().sessionTtl().toSeconds()));
        });
    }
}
