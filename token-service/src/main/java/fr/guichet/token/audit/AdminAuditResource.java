package fr.guichet.token.audit;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.auth.SessionTokens;
import fr.guichet.token.error.TokenErrors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Local read of the admin audit: who did what to an object, when and why (newest first). */
@Tag(name = "Admin : journal", description = "Journal des actions d'administration")
@Path("/admin/audit-events")
@RolesAllowed({SessionTokens.GROUP_ADMIN, SessionTokens.GROUP_AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    static final int MAX_LIMIT = 500;

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditView(String id, @JsonProperty("occurred_at") String occurredAt, String actor, String action,
                            @JsonProperty("target_type") String targetType, @JsonProperty("target_id") String targetId,
                            String reason, String details) {
        static AuditView of(AdminAuditEvent e) {
            return new AuditView(e.id.toString(), e.occurredAt.toString(), e.actor, e.action, e.targetType, e.targetId,
                    e.reason, e.details);
        }
    }

    @GET
    public Uni<Map<String, List<AuditView>>> list(@QueryParam("target_type") String targetType,
                                                  @QueryParam("target_id") String targetId,
                                                  @QueryParam("limit") Integer limit) {
        if (targetType == null || targetType.isBlank() || targetId == null || targetId.isBlank()) {
            throw TokenErrors.invalid("target_id", "Les paramètres « target_type » et « target_id » sont obligatoires.");
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw TokenErrors.invalid("limit", "Le paramètre « limit » doit être compris entre 1 et " + MAX_LIMIT + ".");
        }
        return Panache.withSession(() -> AdminAuditEvent.<AdminAuditEvent>find(
                                "targetType = ?1 and targetId = ?2 order by occurredAt desc", targetType, targetId)
                        .page(0, max).list())
                .map(list -> Map.of("data", list.stream().map(AuditView::of).toList()));
    }
}
