package fr.guichet.token.change.rest;

import fr.guichet.token.admin.PageRequest;
import fr.guichet.token.admin.PageView;
import fr.guichet.token.auth.SessionTokens;
import fr.guichet.token.change.service.ChangeService;
import fr.guichet.token.error.TokenErrors;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /admin/changes}: operators announce planned technical changes (refused inside the notice
 * period of the affected APIs) and see who was told when.
 */
@Tag(name = "Admin : changements", description = "Changements techniques annoncés aux partenaires (rôle admin)")
@Path("/admin/changes")
@RolesAllowed(SessionTokens.GROUP_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminChangeResource {

    private final ChangeService changes;
    private final JsonWebToken session;

    public AdminChangeResource(ChangeService changes, JsonWebToken session) {
        this.changes = changes;
        this.session = session;
    }

    /**
     * Announces a change → 201 with its notices (sent before answering). 422 {@code 00801} naming
     * each invalid field, or {@code production_date} inside the notice period (detail and
     * {@code meta.earliest_date} give the earliest date allowed).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> announce(ChangeRequest body) {
        return changes.announce(body, session.getSubject()).map(view -> Response.status(201).entity(view).build());
    }

    /** Changes, newest production date first, paginated ({@link PageRequest}). */
    @GET
    public Uni<PageView<ChangeView>> list(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        return changes.list(PageRequest.of(page, perPage));
    }

    /** One change and its notices: each technical contact told, for which habilitations, when. */
    @GET
    @Path("/{id}")
    public Uni<ChangeView> get(@PathParam("id") String id) {
        return changes.detail(uuid(id));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.notFound("Changement inconnu : " + id);
        }
    }
}
