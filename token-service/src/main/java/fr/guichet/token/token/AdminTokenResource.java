package fr.guichet.token.token;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import fr.guichet.token.admin.AdminQuery;
import fr.guichet.token.admin.PageRequest;
import fr.guichet.token.admin.PageView;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.time.TimeSource;
import fr.guichet.token.habilitation.ReasonRequest;
import io.smallrye.mutiny.Uni;
import fr.guichet.token.auth.SessionTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Tag(name = "Admin : jetons", description = "Jetons : révocation, prolongation, échéances (rôle admin)")
@Path("/admin/tokens")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminTokenResource {

    @Inject
    TokenService tokens;

    /** Values of the {@code status} filter; the first is the default with {@code expiring_before}. */
    static final List<String> STATUSES = List.of("active", "revoked", "expired");

    @Inject
    JsonWebToken session;

    @Inject
    TimeSource time;

    /**
     * Tokens (API tokens and OAuth2 access tokens), newest first, paginated ({@link PageRequest}).
     * Each filter is optional; a bad value is a 422 naming its parameter.
     *
     * @param siret          SIRET of the partner organisation (422 {@code 00302} when not a valid SIRET)
     * @param habilitationId id of the habilitation (UUID)
     * @param status         active (neither revoked nor ended), revoked, or expired (ended, not revoked)
     * @param expiringBefore ISO-8601 instant or date (UTC midnight): tokens ending before it; alone it
     *                       lists the active ones, those an operator must renew
     */
    @RolesAllowed({SessionTokens.GROUP_ADMIN, SessionTokens.GROUP_AUDITOR})
    @GET
    public Uni<PageView<TokenView>> list(@QueryParam("siret") String siret,
                                         @QueryParam("habilitation_id") String habilitationId,
                                         @QueryParam("status") String status,
                                         @QueryParam("expiring_before") String expiringBefore,
                                         @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        PageRequest request = PageRequest.of(page, perPage);
        AdminQuery query = new AdminQuery();
        query.whereSiret("habilitationId in (select h.id from Habilitation h where h.organisationId in "
                + "(select o.id from Organisation o where o.siret = :siret))", siret);
        if (habilitationId != null) {
            query.where("habilitationId = :habilitation", "habilitation", habilitationId(habilitationId));
        }
        if (expiringBefore != null && !expiringBefore.isBlank()) {
            query.where("endsAt < :before", "before", instant(expiringBefore));
            status = status == null ? STATUSES.get(0) : status;
        }
        if (status != null) {
            switch (AdminQuery.oneOf("status", status, STATUSES)) {
                case "active" -> query.where("revokedAt is null and endsAt > :now", "now", time.now());
                case "revoked" -> query.where("revokedAt is not null");
                default -> query.where("revokedAt is null and endsAt <= :now", "now", time.now());
            }
        }
        return tokens.search(query, request);
    }

    private static UUID habilitationId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.invalid("habilitation_id", "Le paramètre « habilitation_id » doit être un identifiant (UUID).");
        }
    }

    private static Instant instant(String value) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw TokenErrors.invalid("expiring_before",
                    "Le paramètre « expiring_before » doit être une date ISO-8601 (2026-12-31 ou 2026-12-31T00:00:00Z).");
        }
    }

    @POST
    @Path("/{jti}/revoke")
    public Uni<TokenView> revoke(@PathParam("jti") String jti, ReasonRequest body) {
        return tokens.revoke(uuid(jti), session.getSubject(), ReasonRequest.of(body));
    }

    @POST
    @Path("/{jti}/prolong")
    public Uni<Response> prolong(@PathParam("jti") String jti, ReasonRequest body) {
        return tokens.prolong(uuid(jti), session.getSubject(), ReasonRequest.of(body))
                .map(issued -> Response.status(201).entity(IssuedTokenView.of(issued)).build());
    }

    static UUID uuid(String jti) {
        try {
            return UUID.fromString(jti);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.notFound("Jeton inconnu : " + jti);
        }
    }
}
