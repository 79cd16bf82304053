package fr.guichet.token.period;

import fr.guichet.token.error.TokenErrors;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The periods a habilitation opens, per scope (role admin):
 * {@code {"periods": {"ensu_documents_declaratives_dgfip": {"years": [2023, 2024]},
 * "liasses_fiscales_dgfip": {"from": "2022-01-01", "to": "2023-12-31"}}, "reason": "..."}}.
 * A scope not listed is not restricted. The gateway refuses a period outside them (403 {@code 00109})
 * and leaves the documents outside out of a list.
 */
@Tag(name = "Admin : habilitations", description = "Habilitations et leur cycle de vie (rôle admin)")
@Path("/admin/habilitations/{id}/periods")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPeriodResource {

    @Inject
    PeriodService periods;

    @Inject
    JsonWebToken session;

    /** The habilitation's periods; 404 {@code 00003} when unknown. */
    @GET
    public Uni<PeriodsView> get(@PathParam("id") String id) {
        return periods.get(uuid(id));
    }

    /**
     * Replaces the habilitation's periods (audited {@code set_habilitation_periods}) and rewrites its
     * tokens' state copies. 422 {@code 00801} bad periods or a scope the habilitation does not hold,
     * 404 {@code 00003} unknown habilitation, 409 {@code 00802} refused or revoked habilitation.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PeriodsView> set(@PathParam("id") String id, PeriodsRequest body) {
        return periods.set(uuid(id), body, session.getSubject());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.notFound("Habilitation inconnue : " + id);
        }
    }
}
