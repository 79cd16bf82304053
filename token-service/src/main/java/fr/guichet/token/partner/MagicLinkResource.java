package fr.guichet.token.partner;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Partner login: ask for a link by e-mail, then exchange the link's secret for a session. */
@Tag(name = "Authentification partenaire", description = "Connexion des partenaires par lien magique")
@Path("/auth/magic-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MagicLinkResource {

    @RegisterForReflection
    public record LinkRequest(String email) {
    }

    @RegisterForReflection
    public record Exchange(String token) {
    }

    @RegisterForReflection
    public record SessionView(@JsonProperty("access_token") String accessToken,
                              @JsonProperty("token_type") String tokenType,
                              @JsonProperty("expires_in") long expiresIn,
                              String siret) {
    }

    @Inject
    MagicLinkService links;

    @POST
    public Uni<Response> request(LinkRequest body, @Context HttpServerRequest http) {
        String ip = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return links.request(body == null ? null : body.email(), ip)
                .map(ignored -> Response.accepted(Map.of("message",
                        "Si cette adresse est celle d'un contact d'une organisation, un lien de connexion vient d'y être envoyé."))
                        .build());
    }

    @POST
    @Path("/session")
    public Uni<SessionView> session(Exchange body) {
        return links.exchange(body == null ? null : body.token())
                .map(s -> new SessionView(s.accessToken(), "Bearer", s.expiresIn(), s.siret()));
    }
}
