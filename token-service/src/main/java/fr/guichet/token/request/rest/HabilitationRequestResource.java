package fr.guichet.token.request.rest;

import fr.guichet.token.auth.SessionTokens;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.ApiKind;
import fr.guichet.token.habilitation.HabilitationView;
import fr.guichet.token.partner.DemarcheAccess;
import fr.guichet.token.request.service.HabilitationRequestService;
import fr.guichet.token.request.service.RequestCatalogue;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's requests for new démarches (role {@code partner}, the session of a person of an
 * organisation): the catalogue to choose scopes from, the request itself, and its follow-up.
 */
@Tag(name = "Espace partenaire : demandes", description = "Demande d'une nouvelle démarche (demande d'adhésion) et son suivi (rôle partner)")
@Path("/me/habilitation-requests")
@RolesAllowed(SessionTokens.GROUP_PARTNER)
@Produces(MediaType.APPLICATION_JSON)
public class HabilitationRequestResource {

    @Inject
    HabilitationRequestService requests;

    @Inject
    RequestCatalogue catalogue;

    @Inject
    JsonWebToken session;

    /**
     * The scopes a partner may ask for, grouped by provider, each with what it gives.
     *
     * @param apiKind {@code entreprise} (default) or {@code particulier}; anything else 422 {@code 00801}
     */
    @GET
    @Path("/catalogue")
    public CatalogueView catalogue(@QueryParam("api_kind") String apiKind) {
        ApiKind kind = apiKind == null || apiKind.isBlank() ? ApiKind.ENTREPRISE : ApiKind.fromWire(apiKind)
                .orElseThrow(() -> TokenErrors.invalid("api_kind",
                        "Le paramètre « api_kind » doit valoir « entreprise » ou « particulier »."));
        return new CatalogueView(catalogue.providers(kind));
    }

    /**
     * Submits a request: 201 with the habilitation (status {@code submitted}); 422 {@code 00801}
     * listing every bad field at once ({@link HabilitationRequestService#submit}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> submit(DemarcheRequest body) {
        return requests.submit(person(), body).map(view -> Response.status(201).entity(view).build());
    }

    /** The requests this person made or is a contact of, newest first, every status. */
    @GET
    public Uni<Map<String, List<HabilitationView>>> list() {
        return requests.list(person()).map(list -> Map.of("data", list));
    }

    private DemarcheAccess.Person person() {
        return DemarcheAccess.Person.of(session);
    }
}
