package fr.guichet.token.operator.rest;

import fr.guichet.token.auth.SessionTokens;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.operator.service.OperatorService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's operators (admin only): create ({@code 201}), list, deactivate. Each change is
 * audited with the acting session's subject ({@code admin} for the bootstrap session,
 * {@code operator:<email>} for an operator).
 */
@Tag(name = "Admin : opérateurs", description = "Comptes nominatifs de la console des opérateurs")
@Path("/admin/operators")
@RolesAllowed(SessionTokens.GROUP_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminOperatorResource {

    /** Body of {@code POST /admin/operators}. */
    @RegisterForReflection
    public record CreateOperator(String email, String name, String role) {
    }

    @Inject
    OperatorService operators;

    @Inject
    JsonWebToken session;

    /** Creates an operator: 201 its view; 422 naming a bad field; 409 when the e-mail is taken. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CreateOperator body) {
        if (body == null) {
            throw TokenErrors.invalid("email", "Le corps {\"email\", \"name\", \"role\"} est obligatoire.");
        }
        return operators.create(body.email(), body.name(), body.role(), session.getSubject())
                .map(o -> Response.status(201).entity(OperatorView.of(o)).build());
    }

    /** Every operator: {@code {"data": [...]}}, the active ones first. */
    @GET
    public Uni<Map<String, List<OperatorView>>> list() {
        return operators.list().map(list -> Map.of("data", list.stream().map(OperatorView::of).toList()));
    }

    /** Deactivates an operator: it can no longer log in, and its live sessions are refused (401). */
    @POST
    @Path("/{id}/deactivate")
    public Uni<OperatorView> deactivate(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.notFound("Aucun opérateur n'a l'identifiant " + id + ".");
        }
        return operators.deactivate(uuid, session.getSubject()).map(OperatorView::of);
    }
}
