package fr.guichet.token.token;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.ReasonRequest;
import io.smallrye.mutiny.Uni;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Tag(name = "Admin : jetons", description = "Jetons : révocation, prolongation, échéances (rôle admin)")
@Path("/admin/tokens")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminTokenResource {

    @Inject
    TokenService tokens;

    @Inject
    JsonWebToken session;

    /** Long-lived tokens ending before {@code expiring_before} (ISO-8601 instant or date). */
    @GET
    public Uni<Map<String, List<TokenView>>> list(@QueryParam("expiring_before") String expiringBefore) {
        Instant before;
        if (expiringBefore == null || expiringBefore.isBlank()) {
            before = Instant.MAX;
        } else {
            try {
                before = expiringBefore.length() == 10
                        ? LocalDate.parse(expiringBefore).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(expiringBefore);
            } catch (DateTimeParseException e) {
                throw TokenErrors.invalid("expiring_before",
                        "Le paramètre « expiring_before » doit être une date ISO-8601 (2026-12-31 ou 2026-12-31T00:00:00Z).");
            }
        }
        return tokens.expiringBefore(before).map(list -> Map.of("data", list));
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
