package fr.guichet.token.key;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.habilitation.ReasonRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import fr.guichet.token.auth.SessionTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Tag(name = "Admin : clés", description = "Clés de signature : rotation et retrait (rôle admin)")
@Path("/admin/keys")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminKeyResource {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(String kid, String algorithm, @JsonProperty("created_at") String createdAt,
                          @JsonProperty("retired_at") String retiredAt) {
        static KeyView of(SigningKey k) {
            return new KeyView(k.kid, k.algorithm, k.createdAt.toString(), k.retiredAt == null ? null : k.retiredAt.toString());
        }
    }

    @Inject
    KeyService keys;

    @Inject
    JsonWebToken session;

    @RolesAllowed({SessionTokens.GROUP_ADMIN, SessionTokens.GROUP_AUDITOR})
    @GET
    public Uni<Map<String, List<KeyView>>> list() {
        return keys.list().map(list -> Map.of("data", list.stream().map(KeyView::of).toList()));
    }

    /** New signing key; tokens signed by older keys keep verifying until those are retired. */
    @POST
    @Path("/rotate")
    public Uni<Response> rotate(ReasonRequest body) {
        return keys.rotate(session.getSubject(), ReasonRequest.of(body))
                .map(k -> Response.status(201).entity(KeyView.of(k)).build());
    }

    @POST
    @Path("/{kid}/retire")
    public Uni<KeyView> retire(@PathParam("kid") String kid, ReasonRequest body) {
        return keys.retire(kid, session.getSubject(), ReasonRequest.of(body)).map(KeyView::of);
    }
}
