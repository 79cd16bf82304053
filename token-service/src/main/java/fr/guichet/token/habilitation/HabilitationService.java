package fr.guichet.token.habilitation;

import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.organisation.Organisation;
import fr.guichet.token.time.TimeSource;
import fr.guichet.token.token.TokenService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import fr.guichet.token.token.TokenState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.UUID;

/** Habilitation lifecycle (creation, submission, refusal, revocation) and contacts. */
@ApplicationScoped
public class HabilitationService {

    /** A habilitation with the SIRET of its organisation. */
    public record Loaded(Habilitation habilitation, Organisation organisation) {
        public HabilitationView view() {
            return HabilitationView.of(habilitation, organisation.siret);
        }
    }

    @Inject
    HabilitationValidator validator;

    @Inject
    AuditService audit;

    @Inject
    TimeSource time;

    @Inject
    TokenService tokens;

    public Uni<Loaded> create(HabilitationRequest request, String actor) {
        HabilitationValidator.Valid v;
        try {
            v = validator.validate(request);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> Organisation.findBySiret(v.siret()).flatMap(org -> {
            if (org == null) {
                return Uni.createFrom().failure(TokenErrors.invalid("organisation_siret",
                        "Aucune organisation n'est enregistrée pour le SIRET " + v.siret() + "."));
            }
            Habilitation h = newHabilitation(v, org, time.now());
            return h.<Habilitation>persist()
                    .call(saved -> audit.record(AdminAction.of(actor, "create_habilitation", "habilitation",
                                    saved.id.toString(), null)
                            .withContext(saved.id.toString(), null, org.siret, saved.apiKind)
                            .withDetails(Map.of("status", saved.status, "scopes", String.join(",", saved.scopes)))))
                    .map(saved -> new Loaded(saved, org));
        }));
    }

    /** A new habilitation of {@code org} from a checked request, created at {@code now}; not yet persisted. */
    public static Habilitation newHabilitation(HabilitationValidator.Valid v, Organisation org, Instant now) {
        Habilitation h = new Habilitation();
        h.id = UUID.randomUUID();
        h.organisationId = org.id;
        h.apiKind = v.apiKind().wire();
        h.intitule = v.intitule();
        h.legalBasis = v.legalBasis();
        h.scopes = v.scopes();
        h.status = v.status().wire();
        h.contacts = v.contacts();
        h.rateLimitPerMinute = v.rateLimitPerMinute();
        h.allowedIps = v.allowedIps();
        h.environment = v.environment();
        h.createdAt = now;
        h.updatedAt = now;
        return h;
    }

    public Uni<Loaded> get(UUID id) {
        return Panache.withSession(() -> load(id));
    }

    /** draft → submitted. */
    public Uni<Loaded> submit(UUID id, String actor, String reason) {
        return transition(id, HabilitationStatus.DRAFT, HabilitationStatus.SUBMITTED, "submit_habilitation", actor, reason);
    }

    /** submitted → refused. */
    public Uni<Loaded> refuse(UUID id, String actor, String reason) {
        return transition(id, HabilitationStatus.SUBMITTED, HabilitationStatus.REFUSED, "refuse_habilitation", actor, reason);
    }

    /** validated → revoked, with every live token of the habilitation. */
    public Uni<Loaded> revoke(UUID id, String actor, String reason) {
        List<TokenState> revoked = new ArrayList<>();
        return transition(id, HabilitationStatus.VALIDATED, HabilitationStatus.REVOKED, "revoke_habilitation", actor,
                reason, loaded -> tokens.revokeAllInTransaction(loaded, actor, reason).invoke(revoked::addAll).replaceWithVoid())
                .call(() -> tokens.propagateRevocations(revoked));
    }

    private Uni<Loaded> transition(UUID id, HabilitationStatus from, HabilitationStatus to, String action,
                                   String actor, String reason) {
        return transition(id, from, to, action, actor, reason, loaded -> Uni.createFrom().voidItem());
    }

    /** Changes the status in one transaction with {@code alsoInTransaction}; nothing is half-written. */
    private Uni<Loaded> transition(UUID id, HabilitationStatus from, HabilitationStatus to, String action,
                                   String actor, String reason, Function<Loaded, Uni<Void>> alsoInTransaction) {
        if (to != HabilitationStatus.SUBMITTED && (reason == null || reason.isBlank())) {
            return Uni.createFrom().failure(TokenErrors.invalid("reason", "Le champ « reason » est obligatoire pour cette action."));
        }
        return Panache.withTransaction(() -> loadForUpdate(id).flatMap(loaded -> {
            Habilitation h = loaded.habilitation();
            if (h.status() != from) {
                return Uni.createFrom().failure(TokenErrors.outOfOrder("L'habilitation est à l'état « " + h.status
                        + " » : l'action n'est possible qu'à l'état « " + from.wire() + " »."));
            }
            Instant now = time.now();
            h.status = to.wire();
            h.statusReason = reason;
            h.updatedAt = now;
            if (to == HabilitationStatus.REFUSED || to == HabilitationStatus.REVOKED) {
                h.endedAt = now;
            }
            if (to == HabilitationStatus.REFUSED) {
                h.decisionReason = reason;
                h.decidedAt = now;
                h.decidedBy = actor;
            }
            return audit.record(AdminAction.of(actor, action, "habilitation", id.toString(), reason)
                            .withContext(id.toString(), null, loaded.organisation().siret, h.apiKind))
                    .call(() -> alsoInTransaction.apply(loaded))
                    .replaceWith(loaded);
        }));
    }

    /** Partner update of contacts, on its own habilitation only (checked by the caller). */
    public Uni<Loaded> updateContacts(UUID id, Contacts contacts, String actor) {
        Contacts valid;
        try {
            valid = validator.validContacts(contacts);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> loadForUpdate(id).flatMap(loaded -> {
            Habilitation h = loaded.habilitation();
            if (h.contactsErasedAt != null) {
                return Uni.createFrom().failure(TokenErrors.outOfOrder(
                        "Les contacts de cette habilitation ont été effacés (fin de conservation)."));
            }
            h.contacts = valid;
            h.updatedAt = time.now();
            return audit.record(AdminAction.of(actor, "update_contacts", "habilitation", id.toString(), null)
                            .withContext(id.toString(), null, loaded.organisation().siret, h.apiKind))
                    .replaceWith(loaded);
        }));
    }

    /**
     * Takes the habilitation's row lock for the rest of the transaction. Every change to a
     * habilitation or to its tokens takes it first, so that two validations, a prolongation racing
     * a revocation, or an issuance racing a habilitation's revocation are serialised.
     */
    public static Uni<Void> lock(UUID id) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select id from habilitations where id = :id for update", UUID.class)
                .setParameter("id", id).getResultList()).replaceWithVoid();
    }

    /** Locks then loads (inside the caller's transaction); 404 when unknown. */
    public static Uni<Loaded> loadForUpdate(UUID id) {
        return lock(id).chain(() -> load(id));
    }

    /** The habilitation of a token, read without loading the token; null when unknown. */
    public static Uni<UUID> habilitationOfToken(UUID jti) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select habilitation_id from tokens where jti = :jti", UUID.class)
                .setParameter("jti", jti).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** Loads inside the caller's session; 404 when unknown. */
    public static Uni<Loaded> load(UUID id) {
        return Habilitation.<Habilitation>findById(id).flatMap(h -> {
            if (h == null) {
                return Uni.createFrom().failure(TokenErrors.notFound("Habilitation inconnue : " + id));
            }
            return Organisation.<Organisation>findById(h.organisationId).map(o -> new Loaded(h, o));
        });
    }
}
