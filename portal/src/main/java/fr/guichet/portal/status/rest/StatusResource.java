package fr.guichet.portal.status.rest;

import fr.guichet.portal.session.CurrentSession;
import fr.guichet.portal.status.service.PlatformStatus;
import fr.guichet.portal.status.service.StatusService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public status page ({@code /statut}) and its machine-readable form ({@code /statut.json})
 * for partners' monitoring: no login.
 */
@Path("/")
public class StatusResource {

    private final StatusService status;
    private final CurrentSession current;
    private final Template page;

    public StatusResource(StatusService status, CurrentSession current, @Location("statut.html") Template page) {
        this.status = status;
        this.current = current;
        this.page = page;
    }

    @GET
    @Path("statut")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return page.data("person", current.get().orElse(null)).data("status", status.withChanges());
    }

    /** 200 while the platform answers (up or degraded), 503 when it is down, the same body either way. */
    @GET
    @Path("statut.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json() {
        PlatformStatus current = status.withChanges();
        return Response.status("down".equals(current.status()) ? 503 : 200).entity(current)
                .header("Cache-Control", "no-cache").build();
    }
}
