package fr.guichet.token.incident.rest;

import fr.guichet.token.incident.service.IncidentService;
import fr.guichet.token.incident.service.IncidentState;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET}/{@code PUT /admin/incident}: the incident switch every gateway replica applies
 * within seconds (503 {@code XX020} with {@code retry_in}, and {@code /ping} showing the cut).
 */
@Tag(name = "Admin : incident", description = "Coupure d'urgence de fournisseurs ou de toutes les données (rôle admin)")
@Path("/admin/incident")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminIncidentResource {

    private final IncidentService incidents;
    private final JsonWebToken session;

    public AdminIncidentResource(IncidentService incidents, JsonWebToken session) {
        this.incidents = incidents;
        this.session = session;
    }

    /** The switch as stored; nothing cut while never set. */
    @GET
    public Uni<IncidentState> get() {
        return incidents.current();
    }

    /** Replaces the switch (422 {@code 00801} on a missing reason or an unknown provider). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<IncidentState> put(IncidentRequest body) {
        return incidents.set(body, session.getSubject());
    }
}
