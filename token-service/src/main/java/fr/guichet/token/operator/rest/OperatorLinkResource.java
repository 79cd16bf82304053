package fr.guichet.token.operator.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.operator.service.OperatorLoginService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operator login: {@code POST /auth/operator-links {"email"}} mails a console link (202 whether
 * or not the address is an operator's), {@code POST /auth/operator-links/session {"jeton"}}
 * exchanges it for an operator session JWT.
 */
@Tag(name = "Authentification opérateur", description = "Connexion des opérateurs à la console par lien envoyé par courriel")
@Path("/auth/operator-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorLinkResource {

    /** Body of a link request. */
    @RegisterForReflection
    public record LinkRequest(String email) {
    }

    /** Body of an exchange: the link's secret. */
    @RegisterForReflection
    public record Exchange(String jeton) {
    }

    /** An operator session. */
    @RegisterForReflection
    public record SessionView(@JsonProperty("access_token") String accessToken,
                              @JsonProperty("token_type") String tokenType,
                              @JsonProperty("expires_in") long expiresIn,
                              String email,
                              String role) {
    }

    @Inject
    OperatorLoginService login;

    /** 202 always (no account enumeration); 422 for an invalid address, 429 while the caller is in backoff. */
    @POST
    public Uni<Response> request(LinkRequest body, @Context HttpServerRequest http) {
        String ip = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return login.request(body == null ? null : body.email(), ip)
                .map(ignored -> Response.accepted(Map.of("message",
                        "Si cette adresse est celle d'un opérateur actif, un lien de connexion vient d'y être envoyé."))
                        .build());
    }

    /** The session of a link; 401 when the link is unknown, used, expired or its operator deactivated. */
    @POST
    @Path("/session")
    public Uni<SessionView> session(Exchange body) {
        return login.exchange(body == null ? null : body.jeton())
                .map(s -> new SessionView(s.accessToken(), "Bearer", s.expiresIn(), s.email(), s.role()));
    }
}
