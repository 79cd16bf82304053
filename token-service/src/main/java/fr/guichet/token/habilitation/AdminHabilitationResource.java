package fr.guichet.token.habilitation;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import fr.guichet.token.admin.AdminQuery;
import fr.guichet.token.admin.PageRequest;
import fr.guichet.token.admin.PageView;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.organisation.Organisation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import fr.guichet.token.token.IssuedTokenView;
import fr.guichet.token.token.TokenService;
import io.smallrye.mutiny.Uni;
import fr.guichet.token.auth.SessionTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import fr.guichet.token.franceconnect.FranceConnectBindingService;
import fr.guichet.token.franceconnect.FranceConnectClientRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
    FranceConnectBindingService franceConnect;

    @Inject
    JsonWebToken session;

    /**
     * Habilitations, newest first, paginated ({@link PageRequest}). Each filter is optional; a bad
     * value is a 422 naming its parameter.
     *
     * @param siret       SIRET of the organisation (422 {@code 00302} when not a valid SIRET)
     * @param status      draft, submitted, validated, refused or revoked
     * @param apiKind     entreprise or particulier
     * @param environment sandbox or production
     */
    @RolesAllowed({SessionTokens.GROUP_ADMIN, SessionTokens.GROUP_AUDITOR})
    @GET
    public Uni<PageView<HabilitationView>> list(@QueryParam("siret") String siret, @QueryParam("status") String status,
                                                @QueryParam("api_kind") String apiKind,
                                                @QueryParam("environment") String environment,
                                                @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        PageRequest request = PageRequest.of(page, perPage);
        AdminQuery query = new AdminQuery();
        query.whereSiret("organisationId in (select o.id from Organisation o where o.siret = :siret)", siret);
        if (status != null) {
            query.where("status = :status", "status", AdminQuery.oneOf("status", status,
                    Arrays.stream(HabilitationStatus.values()).map(HabilitationStatus::wire).toList()));
        }
        if (apiKind != null) {
            query.where("apiKind = :apiKind", "apiKind", AdminQuery.oneOf("api_kind", apiKind,
                    Arrays.stream(ApiKind.values()).map(ApiKind::wire).toList()));
        }
        if (environment != null) {
            query.where("environment = :environment", "environment",
                    AdminQuery.oneOf("environment", environment, HabilitationValidator.ENVIRONMENTS));
        }
        return Panache.withSession(() -> query.page(
                x -> Habilitation.<Habilitation>find(x.hql(), Sort.descending("createdAt", "id"), x.parameters()),
                request, AdminHabilitationResource::views));
    }

    private static Uni<List<HabilitationView>> views(List<Habilitation> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<UUID> orgIds = list.stream().map(h -> h.organisationId).collect(Collectors.toSet());
        return Organisation.<Organisation>list("id in ?1", orgIds).map(orgs -> {
            Map<UUID, String> siretById = orgs.stream().collect(Collectors.toMap(o -> o.id, o -> o.siret));
            return list.stream().map(h -> HabilitationView.of(h, siretById.get(h.organisationId))).toList();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(HabilitationRequest body) {
        return habilitations.create(body, session.getSubject())
                .map(loaded -> Response.status(201).entity(loaded.view()).build());
    }

    @RolesAllowed({SessionTokens.GROUP_ADMIN, SessionTokens.GROUP_AUDITOR})
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

    /**
     * Binds the partner's FranceConnect client id ({@code {"client_id": "..."}}) to this API
     * Particulier habilitation: FranceConnect calls then take its organisation, scopes, quota and
     * traces. 422 {@code 00801} bad id or API Entreprise habilitation, 409 {@code 00015} id bound
     * to another habilitation, 409 {@code 00802} refused or revoked habilitation.
     */
    @PUT
    @Path("/{id}/franceconnect_client")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<HabilitationView> bindFranceConnect(@PathParam("id") String id, FranceConnectClientRequest body) {
        return franceConnect.bind(uuid(id), body, session.getSubject()).map(HabilitationService.Loaded::view);
    }

    /** Removes the habilitation's FranceConnect client; its FranceConnect calls are refused from then on. */
    @DELETE
    @Path("/{id}/franceconnect_client")
    public Uni<HabilitationView> unbindFranceConnect(@PathParam("id") String id) {
        return franceConnect.unbind(uuid(id), session.getSubject()).map(HabilitationService.Loaded::view);
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.notFound("Habilitation inconnue : " + id);
        }
    }
}
