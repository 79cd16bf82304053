package fr.guichet.token.retention;

import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.habilitation.HabilitationService;
import fr.guichet.token.organisation.Organisation;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Personal data retention: contacts of habilitations ended longer ago than
 * {@code guichet.token.retention.contacts-after} (18 months) are erased, each erasure audited.
 * A habilitation has ended when it was refused or revoked, or when its last token ended.
 * Also purges expired OAuth access tokens, used login links and delivered outbox rows.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    public static final String ACTOR = "system:retention";

    /** What one pass did. */
    public record Report(int contactsErased, int accessTokensDeleted) {
    }

    @Inject
    TimeSource time;

    @Inject
    TokenConfig config;

    @Inject
    AuditService audit;

    @Scheduled(cron = "${guichet.token.retention.cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    public Uni<Report> run() {
        Instant now = time.now();
        Instant cutoff = now.minus(config.retention().contactsAfter());
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select h.id from habilitations h where h.contacts is not null and ("
                                + " (h.ended_at is not null and h.ended_at < :cutoff)"
                                + " or (h.status = 'validated' and (select max(least(coalesce(t.revoked_at, t.ends_at), t.ends_at))"
                                + "      from tokens t where t.habilitation_id = h.id and t.kind = 'api') < :cutoff))",
                        UUID.class).setParameter("cutoff", cutoff).getResultList()))
                .flatMap(ids -> {
                    Uni<Integer> erased = Uni.createFrom().item(0);
                    for (UUID id : ids) {
                        erased = erased.flatMap(n -> erase(id, now).map(done -> done ? n + 1 : n));
                    }
                    return erased;
                })
                .flatMap(erased -> purge(now).map(deleted -> new Report(erased, deleted)))
                .invoke(r -> LOG.infof("Retention: contacts of %d habilitation(s) erased, %d expired access token(s) deleted",
                        r.contactsErased(), r.accessTokensDeleted()));
    }

    private Uni<Boolean> erase(UUID id, Instant now) {
        // Row lock + re-check: with several replicas, each habilitation is erased (and audited) once.
        return Panache.withTransaction(() -> HabilitationService.loadForUpdate(id).map(HabilitationService.Loaded::habilitation).flatMap(h -> {
            if (h.contacts == null) {
                return Uni.createFrom().item(false);
            }
            h.contacts = null;
            h.contactsErasedAt = now;
            h.updatedAt = now;
            return Organisation.<Organisation>findById(h.organisationId).flatMap(org -> audit.record(
                    AdminAction.of(ACTOR, "erase_contacts", "habilitation", id.toString(),
                                    "Fin de la durée de conservation des contacts (" + config.retention().contactsAfter().toDays()
                                            + " jours après la fin de l'habilitation)")
                            .withContext(id.toString(), null, org.siret, h.apiKind))).replaceWith(true);
        }));
    }

    private Uni<Integer> purge(Instant now) {
        Instant tokensBefore = now.minus(config.retention().accessTokensAfter());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "delete from tokens where kind = 'oauth' and ends_at < :before")
                        .setParameter("before", tokensBefore).executeUpdate()
                        .call(() -> s.createNativeQuery("delete from magic_links where expires_at < :before")
                                .setParameter("before", now.minus(Duration.ofDays(1))).executeUpdate())
                        .call(() -> s.createNativeQuery("delete from trace_outbox where delivered_at < :before")
                                .setParameter("before", now.minus(Duration.ofDays(30))).executeUpdate())));
    }

}
