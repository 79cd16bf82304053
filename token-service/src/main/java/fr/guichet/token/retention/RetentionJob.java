package fr.guichet.token.retention;

import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.habilitation.HabilitationService;
import fr.guichet.token.proof.config.ApiFamilies;
import fr.guichet.token.proof.service.FamilyRules;
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
 * Retention per API family ({@link ApiFamilies}): a habilitation's contacts are erased once the
 * longest {@code contacts-after} of its families has passed since the end of use (API Entreprise's
 * privacy policy: 18 months; {@code guichet.token.retention.contacts-after} when no family sets one),
 * and its own data (intitulé, legal basis, reasons, security proofs) once the longest
 * {@code habilitation-after} has (DGFIP ENSU terms: six years; no family setting one: kept). Each
 * erasure is audited ({@code erase_contacts}, {@code erase_habilitation_data}). A habilitation's use
 * has ended when it was refused or revoked, or when its last API token ended. Also purges expired
 * OAuth access tokens, used login links and delivered outbox rows.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    public static final String ACTOR = "system:retention";

    /** Placeholder of the erased texts (the columns stay non-null). */
    public static final String ERASED = "(effacé)";

    /** What one pass did: habilitations whose contacts, or own data, were erased; OAuth access tokens deleted. */
    public record Report(int contactsErased, int accessTokensDeleted, int habilitationsErased) {
    }

    @Inject
    TimeSource time;

    @Inject
    TokenConfig config;

    @Inject
    AuditService audit;

    @Inject
    ApiFamilies families;

    @Inject
    FamilyRules rules;

    @Scheduled(cron = "${guichet.token.retention.cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    /**
     * One pass at {@link TimeSource#now()}: erases the contacts, then the habilitation data, whose
     * retention after the end of use has passed (each habilitation's time from its API families,
     * {@link FamilyRules}), then purges the short-lived rows.
     */
    public Uni<Report> run() {
        Instant now = time.now();
        return ended(now).flatMap(candidates -> {
                    Uni<int[]> erased = Uni.createFrom().item(new int[2]);
                    for (Ended e : candidates) {
                        erased = erased.flatMap(n -> erase(e, now).map(done -> {
                            n[0] += done[0];
                            n[1] += done[1];
                            return n;
                        }));
                    }
                    return erased;
                })
                .flatMap(erased -> purge(now).map(deleted -> new Report(erased[0], deleted, erased[1])))
                .invoke(r -> LOG.infof("Retention: contacts of %d habilitation(s) erased, data of %d habilitation(s) erased,"
                        + " %d expired access token(s) deleted", r.contactsErased(), r.habilitationsErased(), r.accessTokensDeleted()));
    }

    /** A habilitation whose use has ended, and when; {@code families} holds what its families are decided on. */
    record Ended(UUID id, Instant endOfUse, Habilitation families, boolean hasContacts) {

        boolean due(Instant now, RetentionJob job) {
            boolean contacts = hasContacts
                    && endOfUse.isBefore(now.minus(job.rules.contactsAfter(families, job.config.retention().contactsAfter())));
            boolean data = job.rules.habilitationAfter(families).map(d -> endOfUse.isBefore(now.minus(d))).orElse(false);
            return contacts || data;
        }
    }

    /**
     * Habilitations with something due for erasure: their use ended (refused, revoked, or validated
     * with every API token ended) longer ago than their families' contacts or data retention.
     * Decided on the rows read here, so that habilitations kept longer are not locked at each pass.
     */
    private Uni<List<Ended>> ended(Instant now) {
        Instant cutoff = now.minus(shortestRetention());
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select id, end_of_use, api_kind, scopes, has_contacts from (select h.id, h.api_kind, h.scopes,"
                                + " h.contacts is not null as has_contacts, coalesce(h.ended_at, case when h.status = 'validated' then"
                                + " (select max(least(coalesce(t.revoked_at, t.ends_at), t.ends_at)) from tokens t"
                                + "  where t.habilitation_id = h.id and t.kind = 'api') end) as end_of_use"
                                + " from habilitations h where h.contacts is not null or h.data_erased_at is null) x"
                                + " where end_of_use < :cutoff", Object[].class)
                .setParameter("cutoff", cutoff).getResultList()))
                .map(rows -> rows.stream().map(r -> {
                    Habilitation h = new Habilitation();
                    h.apiKind = (String) r[2];
                    h.scopes = new fr.guichet.token.config.CommaListConverter().convertToEntityAttribute((String) r[3]);
                    return new Ended((UUID) r[0], instant(r[1]), h, Boolean.TRUE.equals(r[4]));
                }).filter(e -> e.due(now, this)).toList());
    }

    private Duration shortestRetention() {
        Duration shortest = config.retention().contactsAfter();
        for (ApiFamilies.Family f : families.all().values()) {
            for (Duration d : List.of(f.contactsAfter(), f.habilitationAfter()).stream().flatMap(java.util.Optional::stream).toList()) {
                if (d.compareTo(shortest) < 0) {
                    shortest = d;
                }
            }
        }
        return shortest;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** Erases what is due of one habilitation; answers {contacts erased, data erased} (0 or 1 each). */
    private Uni<int[]> erase(Ended ended, Instant now) {
        // Row lock + re-check: with several replicas, each habilitation is erased (and audited) once.
        return Panache.withTransaction(() -> HabilitationService.loadForUpdate(ended.id()).flatMap(loaded -> {
            Habilitation h = loaded.habilitation();
            int[] done = new int[2];
            Duration contactsAfter = rules.contactsAfter(h, config.retention().contactsAfter());
            java.util.Optional<Duration> dataAfter = rules.habilitationAfter(h);
            String families = String.join(", ", rules.familiesOf(h));
            Uni<Void> chain = Uni.createFrom().voidItem();
            if (h.contacts != null && ended.endOfUse().isBefore(now.minus(contactsAfter))) {
                h.contacts = null;
                h.contactsErasedAt = now;
                h.updatedAt = now;
                done[0] = 1;
                chain = chain.chain(() -> audit.record(AdminAction.of(ACTOR, "erase_contacts", "habilitation", h.id.toString(),
                                "Fin de la durée de conservation des contacts (" + contactsAfter.toDays()
                                        + " jours après la fin de l'habilitation" + (families.isEmpty() ? "" : ", familles " + families) + ")")
                        .withContext(h.id.toString(), null, loaded.organisation().siret, h.apiKind)));
            }
            if (h.dataErasedAt == null && dataAfter.isPresent() && ended.endOfUse().isBefore(now.minus(dataAfter.get()))) {
                h.intitule = ERASED;
                h.legalBasis = ERASED;
                h.statusReason = null;
                h.contacts = null;
                if (h.contactsErasedAt == null) {
                    h.contactsErasedAt = now;
                }
                h.securityProofValidUntil = null;
                h.dataErasedAt = now;
                h.updatedAt = now;
                done[1] = 1;
                chain = chain
                        .chain(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                        "delete from security_proofs where habilitation_id = :id")
                                .setParameter("id", h.id).executeUpdate()))
                        .chain(() -> audit.record(AdminAction.of(ACTOR, "erase_habilitation_data", "habilitation", h.id.toString(),
                                        "Fin de la durée de conservation des données de l'habilitation (" + dataAfter.get().toDays()
                                                + " jours après la fin de l'habilitation, familles " + families + ")")
                                .withContext(h.id.toString(), null, loaded.organisation().siret, h.apiKind)))
                        .replaceWithVoid();
            }
            return chain.replaceWith(done);
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
