package fr.guichet.token.change.rest;

import fr.guichet.token.change.service.ChangeService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /changes} (public, no authentication): every announced change, newest production date
 * first, for the platform's status page. Never who announced it nor who was told.
 */
@Tag(name = "Changements annoncés", description = "Changements techniques annoncés (public)")
@Path("/changes")
@Produces(MediaType.APPLICATION_JSON)
public class PublicChangeResource {

    private final ChangeService changes;

    public PublicChangeResource(ChangeService changes) {
        this.changes = changes;
    }

    /** {@code {"data": [...]}}, each change without recipients. */
    @GET
    public Uni<Map<String, List<AnnouncedChangeView>>> list() {
        return changes.announced().map(list -> Map.of("data", list));
    }
}
