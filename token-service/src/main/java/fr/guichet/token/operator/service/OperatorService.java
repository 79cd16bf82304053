package fr.guichet.token.operator.service;

import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.auth.SessionTokens;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.auth.LoginLinks;
import fr.guichet.token.operator.repository.Operator;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The console's named operators: created and deactivated by an admin, each change audited with
 * the acting session's subject. The bootstrap admin session creates the first one.
 */
@ApplicationScoped
public class OperatorService {

    /** Prefix of an operator session's subject: {@code operator:<email>}. */
    public static final String SUBJECT_PREFIX = "operator:";
    /** The roles an operator may hold, each the single group of its session. */
    public static final Set<String> ROLES = Set.of(SessionTokens.GROUP_ADMIN, SessionTokens.GROUP_AUDITOR);

    @Inject
    AuditService audit;

    @Inject
    TimeSource time;

    /** The subject of {@code operator}'s sessions, as the audit trail records it. */
    public static String subject(Operator operator) {
        return SUBJECT_PREFIX + operator.email;
    }

    /**
     * Creates an active operator.
     *
     * @throws fr.guichet.common.error.ApiException 422 {@code 00801} naming the bad field (email,
     *         name, role), 409 when an operator already has this e-mail
     */
    public Uni<Operator> create(String rawEmail, String rawName, String role, String actor) {
        String email;
        try {
            email = LoginLinks.requestedAddress(rawEmail);
        } catch (RuntimeException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        String name = rawName == null ? "" : rawName.strip();
        if (name.length() < 2 || name.length() > 100) {
            return Uni.createFrom().failure(TokenErrors.invalid("name", "Le champ « name » (nom de l'opérateur, 2 à 100 caractères) est obligatoire."));
        }
        if (role == null || !ROLES.contains(role)) {
            return Uni.createFrom().failure(TokenErrors.invalid("role", "Le champ « role » doit valoir « admin » ou « auditor »."));
        }
        return Panache.withTransaction(() -> Operator.count("email", email).flatMap(existing -> {
            if (existing > 0) {
                return Uni.createFrom().failure(TokenErrors.conflict("Un opérateur a déjà l'adresse " + email + "."));
            }
            Operator operator = new Operator();
            operator.id = UUID.randomUUID();
            operator.email = email;
            operator.name = name;
            operator.role = role;
            operator.active = true;
            operator.createdAt = time.now();
            return operator.<Operator>persist()
                    .call(() -> audit.record(AdminAction.of(actor, "create_operator", "operator", operator.id.toString(), null)
                            .withDetails(java.util.Map.of("email", email, "role", role))))
                    .replaceWith(operator);
        }));
    }

    /** Every operator, the active ones first, then by e-mail. */
    public Uni<List<Operator>> list() {
        return Panache.withSession(() -> Operator.<Operator>find("order by active desc, email").list());
    }

    /**
     * Deactivates an operator: its links stop working and its live sessions are refused
     * ({@code OperatorSessionCheck}). Deactivating an inactive operator changes nothing.
     *
     * @throws fr.guichet.common.error.ApiException 404 when there is no such operator
     */
    public Uni<Operator> deactivate(UUID id, String actor) {
        return Panache.withTransaction(() -> Operator.<Operator>findById(id).flatMap(operator -> {
            if (operator == null) {
                return Uni.createFrom().failure(TokenErrors.notFound("Aucun opérateur n'a l'identifiant " + id + "."));
            }
            if (!operator.active) {
                return Uni.createFrom().item(operator);
            }
            operator.active = false;
            return audit.record(AdminAction.of(actor, "deactivate_operator", "operator", id.toString(), null)
                    .withDetails(java.util.Map.of("email", operator.email))).replaceWith(operator);
        }));
    }

    /** Whether {@code email} is that of an active operator (a session's liveness check). */
    public Uni<Boolean> isActive(String email) {
        return Panache.withSession(() -> Operator.count("email = ?1 and active = true", email)).map(n -> n > 0);
    }
}
