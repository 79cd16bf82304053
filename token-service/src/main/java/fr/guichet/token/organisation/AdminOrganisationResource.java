package fr.guichet.token.organisation;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.admin.AdminQuery;
import fr.guichet.token.admin.PageRequest;
import fr.guichet.token.admin.PageView;
import fr.guichet.token.error.TokenErrors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import fr.guichet.token.auth.SessionTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Tag(name = "Admin : organisations", description = "Organisations partenaires (rôle admin)")
@Path("/admin/organisations")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminOrganisationResource {

    @RegisterForReflection
    public record CreateOrganisation(String siret, String name) {
    }

    @RegisterForReflection
    public record OrganisationView(String id, String siret, String name, @JsonProperty("created_at") String createdAt) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id.toString(), o.siret, o.name, o.createdAt.toString());
        }
    }

    @Inject
    OrganisationService organisations;

    @Inject
    JsonWebToken session;

    /**
     * Organisations, newest first, paginated ({@link PageRequest}).
     *
     * @param siret exact SIRET (spaces ignored); 422 {@code 00302} when not a valid SIRET
     * @param q     case-insensitive part of the name
     */
    @RolesAllowed({SessionTokens.GROUP_ADMIN, SessionTokens.GROUP_AUDITOR})
    @GET
    public Uni<PageView<OrganisationView>> list(@QueryParam("siret") String siret, @QueryParam("q") String q,
                                                @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        PageRequest request = PageRequest.of(page, perPage);
        AdminQuery query = new AdminQuery();
        query.whereSiret("siret = :siret", siret);
        if (q != null && !q.isBlank()) {
            query.where("lower(name) like :q escape '\\'", "q", AdminQuery.containing(q.trim()));
        }
        return Panache.withSession(() -> query.page(
                x -> Organisation.<Organisation>find(x.hql(), Sort.descending("createdAt", "id"), x.parameters()), request,
                list -> Uni.createFrom().item(list.stream().map(OrganisationView::of).toList())));
    }

    @POST
    public Uni<Response> create(CreateOrganisation body) {
        if (body == null) {
            return Uni.createFrom().failure(TokenErrors.malformedBody("Le corps de la requête est vide."));
        }
        return organisations.create(body.siret(), body.name(), session.getSubject())
                .map(o -> Response.status(201).entity(OrganisationView.of(o)).build());
    }
}
