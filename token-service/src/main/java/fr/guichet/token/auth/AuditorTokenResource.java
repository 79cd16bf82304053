package fr.guichet.token.auth;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.error.TokenErrors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An admin hands a named auditor a read-only session ({@code groups [auditor]}) for trace-service's
 * read side; the hand-over is audited like any admin action.
 */
@Tag(name = "Admin : auditeurs", description = "Sessions d'auditeur")
@Path("/admin/auditor-tokens")
@RolesAllowed(SessionTokens.GROUP_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditorTokenResource {

    private static final Pattern NAME = Pattern.compile("^[\\p{L}0-9 .@_'-]{2,100}$");

    @RegisterForReflection
    public record AuditorRequest(String auditor, String reason) {
    }

    @Inject
    SessionTokens sessions;

    @Inject
    AuditService audit;

    @Inject
    TokenConfig config;

    @Inject
    JsonWebToken session;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> issue(AuditorRequest body) {
        if (body == null || body.auditor() == null || !NAME.matcher(body.auditor().trim()).matches()) {
            throw TokenErrors.invalid("auditor", "Le champ « auditor » (nom de l'auditeur, 2 à 100 caractères) est obligatoire.");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw TokenErrors.invalid("reason", "Le champ « reason » est obligatoire pour ouvrir une session d'audit.");
        }
        String subject = "auditor:" + body.auditor().trim();
        return Panache.withTransaction(() -> audit.record(
                        AdminAction.of(session.getSubject(), "issue_auditor_session", "auditor", subject, body.reason().trim())))
                .map(ignored -> Response.status(201).entity(new AdminAuthResource.SessionView(
                        sessions.issue(subject, List.of(SessionTokens.GROUP_AUDITOR), null, config.admin().sessionTtl()),
                        "Bearer", config.admin().sessionTtl().toSeconds())).build());
    }
}
