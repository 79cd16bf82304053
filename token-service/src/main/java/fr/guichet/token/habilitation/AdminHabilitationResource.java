package fr.guichet.token.habilitation;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.token.IssuedTokenView;
import fr.guichet.token.token.TokenService;
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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Tag(name = "Admin : habilitations", description = "Habilitations et leur cycle de vie (rôle admin)")
@Path("/admin/habilitations")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminHabilitationResource {

    @Inject
    HabilitationService habilitations;

    @Inject
    TokenService tokens;

    @Inject
    JsonWebToken session;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(HabilitationRequest body) {
        return habilitations.create(body, session.getSubject())
                .map(loaded -> Response.status(201).entity(loaded.view()).build());
    }

    @GET
    @Path("/{id}")
    public Uni<HabilitationView> get(@PathParam("id") String id) {
        return habilitations.get(uuid(id)).map(HabilitationService.Loaded::view);
    }

    @POST
    @Path("/{id}/submit")
    public Uni<HabilitationView> submit(@PathParam("id") String id, ReasonRequest body) {
        return habilitations.submit(uuid(id), session.getSubject(), ReasonRequest.of(body)).map(HabilitationService.Loaded::view);
    }

    /** Validates the habilitation and issues its token (shown here once, and once to the partner). */
    @POST
    @Path("/{id}/validate")
    public Uni<Response> validate(@PathParam("id") String id, ReasonRequest body) {
        return tokens.validate(uuid(id), session.getSubject(), ReasonRequest.of(body))
                .map(issued -> Response.status(201).entity(IssuedTokenView.of(issued)).build());
    }

    @POST
    @Path("/{id}/refuse")
    public Uni<HabilitationView> refuse(@PathParam("id") String id, ReasonRequest body) {
        return habilitations.refuse(uuid(id), session.getSubject(), ReasonRequest.of(body)).map(HabilitationService.Loaded::view);
    }

    /** Ends the habilitation and revokes all its tokens at once. */
    @POST
    @Path("/{id}/revoke")
    public Uni<HabilitationView> revoke(@PathParam("id") String id, ReasonRequest body) {
        return habilitations.revoke(uuid(id), session.getSubject(), ReasonRequest.of(body)).map(HabilitationService.Loaded::view);
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.notFound("Habilitation inconnue : " + id);
        }
    }
}
