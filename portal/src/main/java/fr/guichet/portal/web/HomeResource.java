package fr.guichet.portal.web;

import fr.guichet.portal.session.CurrentSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The home page, and the addresses e-mails and API errors already name: token-service's renewal
 * link ({@code /habilitations/{id}/renouvellement}) and the gateway's ({@code /habilitations})
 * lead to the démarches pages.
 */
@Path("/")
public class HomeResource {

    private final Template home;
    private final CurrentSession current;

    public HomeResource(@Location("home.html") Template home, CurrentSession current) {
        this.home = home;
        this.current = current;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return home.data("person", current.get().orElse(null));
    }

    @GET
    @Path("habilitations")
    public Response habilitations() {
        return Response.seeOther(URI.create("/demarches")).build();
    }

    @GET
    @Path("habilitations/{id}/renouvellement")
    public Response renewal(@PathParam("id") String id) {
        return Response.seeOther(URI.create("/demarches/" + safeId(id))).build();
    }

    /** Only the characters of a UUID go into the redirect. */
    static String safeId(String id) {
        return id == null ? "" : id.replaceAll("[^0-9a-fA-F-]", "");
    }
}
