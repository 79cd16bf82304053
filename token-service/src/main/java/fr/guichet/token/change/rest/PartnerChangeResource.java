package fr.guichet.token.change.rest;

import fr.guichet.token.auth.SessionTokens;
import fr.guichet.token.change.service.ChangeService;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.partner.DemarcheAccess;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /me/changes} (role {@code partner}): announced changes affecting the person's démarches. */
@Tag(name = "Espace partenaire", description = "Habilitations, jetons, statistiques et contacts de l'organisation connectée (rôle partner)")
@Path("/me/changes")
@RolesAllowed(SessionTokens.GROUP_PARTNER)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerChangeResource {

    private final ChangeService changes;
    private final JsonWebToken session;

    public PartnerChangeResource(ChangeService changes, JsonWebToken session) {
        this.changes = changes;
        this.session = session;
    }

    /**
     * {@code {"data": [...]}}: the changes using an operation of one of the démarches the person may
     * act on, each naming those démarches, newest production date first.
     */
    @GET
    public Uni<Map<String, List<AnnouncedChangeView>>> list() {
        String siret = session.getClaim("siret");
        String email = session.getSubject();
        if (siret == null || email == null || email.isBlank()) {
            throw TokenErrors.forbidden("Cette session n'est rattachée à aucune organisation.");
        }
        return changes.announcedTo(new DemarcheAccess.Person(email, siret)).map(list -> Map.of("data", list));
    }
}
