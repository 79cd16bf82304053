package fr.guichet.token.notice;

import fr.guichet.token.config.MailLinks;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.organisation.Organisation;
import fr.guichet.token.proof.config.SecurityProofConfig;
import fr.guichet.token.proof.repository.SecurityProof;
import fr.guichet.token.proof.service.FamilyRules;
import fr.guichet.token.time.TimeSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * E-mails a habilitation's contacts as its current security proof's end approaches (3 months,
 * 1 month and 7 days before its last day by default, {@code guichet.token.security-proof.notice-thresholds}),
 * saying what to send and that the routes requiring the proof stop after that day. Same bookkeeping
 * as {@link ExpiryNoticeJob}: each threshold is claimed in {@code security_proof_notices} (primary
 * key proof + threshold) before the mail leaves and released if it fails; after missed runs only the
 * most urgent due threshold is mailed, the older ones recorded as superseded. A newly recorded proof
 * starts its own thresholds.
 */
@ApplicationScoped
public class SecurityProofNoticeJob {

    private static final Logger LOG = Logger.getLogger(SecurityProofNoticeJob.class);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    @Inject
    TimeSource time;

    @Inject
    TokenConfig tokenConfig;

    @Inject
    SecurityProofConfig config;

    @Inject
    FamilyRules families;

    @Inject
    ReactiveMailer mailer;

    private final Counter sentCounter;

    SecurityProofNoticeJob(MeterRegistry registry) {
        this.sentCounter = Counter.builder("guichet.token.security_proof.notices.sent")
                .description("Security proof notice e-mails sent").register(registry);
    }

    @Scheduled(cron = "${guichet.token.security-proof.notices-cron:0 0 7 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    private record Due(SecurityProof proof, Period threshold, List<Period> superseded) {
    }

    private record Owner(Habilitation habilitation, Organisation organisation) {
    }

    /** One pass at {@link TimeSource#now()}; answers the number of e-mails sent. */
    public Uni<Integer> run() {
        Instant now = time.now();
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        // Widest first: "due" walks them towards the most urgent.
        List<Period> thresholds = config.noticeThresholds().stream()
                .sorted(Comparator.comparing((Period p) -> today.plus(p)).reversed()).toList();
        LocalDate horizon = today.plus(thresholds.get(0));
        // Current proofs only (the one recorded last per habilitation), of validated habilitations, not ended yet.
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select p.id from security_proofs p join habilitations h on h.id = p.habilitation_id"
                                + " where h.status = 'validated' and p.valid_until >= :today and p.valid_until <= :horizon"
                                + " and p.id = (select q.id from security_proofs q where q.habilitation_id = p.habilitation_id"
                                + "             order by q.recorded_at desc, q.id desc limit 1)", UUID.class)
                        .setParameter("today", today).setParameter("horizon", horizon).getResultList()))
                .flatMap(ids -> {
                    Uni<Integer> sent = Uni.createFrom().item(0);
                    for (UUID id : ids) {
                        sent = sent.flatMap(count -> notify(id, thresholds, today, now).map(ok -> ok ? count + 1 : count));
                    }
                    return sent;
                })
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Security proof notices: %d e-mail(s) sent", count);
                    }
                });
    }

    private Uni<Boolean> notify(UUID proofId, List<Period> thresholds, LocalDate today, Instant now) {
        return Panache.withSession(() -> SecurityProof.<SecurityProof>findById(proofId).flatMap(proof ->
                        Panache.getSession().flatMap(s -> s.createNativeQuery(
                                        "select threshold from security_proof_notices where proof_id = :id", String.class)
                                .setParameter("id", proofId).getResultList())
                                .map(recorded -> due(proof, thresholds, today, new HashSet<>(recorded)))))
                .flatMap(due -> {
                    if (due == null) {
                        return Uni.createFrom().item(false);
                    }
                    return claim(due, now).flatMap(claimed -> claimed
                            ? mail(due).onFailure().call(f -> release(due, f)).onFailure().recoverWithItem(false)
                            : Uni.createFrom().item(false));
                });
    }

    /** The most urgent threshold reached and not yet recorded, with the older unrecorded ones. */
    static Due due(SecurityProof proof, List<Period> thresholdsWidestFirst, LocalDate today, Set<String> recorded) {
        List<Period> reached = new ArrayList<>();
        for (Period t : thresholdsWidestFirst) {
            if (!today.isBefore(proof.validUntil.minus(t))) {
                reached.add(t);
            }
        }
        if (reached.isEmpty()) {
            return null;
        }
        Period mostUrgent = reached.get(reached.size() - 1);
        if (recorded.contains(mostUrgent.toString())) {
            return null;
        }
        List<Period> superseded = reached.subList(0, reached.size() - 1).stream()
                .filter(t -> !recorded.contains(t.toString())).toList();
        return new Due(proof, mostUrgent, superseded);
    }

    /** True when this run won the threshold (another instance or run may have it already). */
    private Uni<Boolean> claim(Due due, Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> {
            String insert = "insert into security_proof_notices (proof_id, threshold, outcome, recorded_at)"
                    + " values (:id, :t, :outcome, :now) on conflict do nothing";
            Uni<Integer> chain = s.createNativeQuery(insert).setParameter("id", due.proof().id)
                    .setParameter("t", due.threshold().toString()).setParameter("outcome", "sent").setParameter("now", now)
                    .executeUpdate();
            for (Period older : due.superseded()) {
                chain = chain.call(() -> s.createNativeQuery(insert).setParameter("id", due.proof().id)
                        .setParameter("t", older.toString()).setParameter("outcome", "superseded").setParameter("now", now)
                        .executeUpdate());
            }
            return chain.map(inserted -> inserted == 1);
        }));
    }

    /** The mail could not leave: the claim is dropped so that the next run tries again. */
    private Uni<Void> release(Due due, Throwable failure) {
        LOG.warnf("Security proof notice %s (%s) not sent, will retry: %s", due.proof().id, due.threshold(), failure.toString());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "delete from security_proof_notices where proof_id = :id and threshold = :t")
                .setParameter("id", due.proof().id).setParameter("t", due.threshold().toString()).executeUpdate()))
                .replaceWithVoid();
    }

    private Uni<Boolean> mail(Due due) {
        SecurityProof proof = due.proof();
        return Panache.withSession(() -> Habilitation.<Habilitation>findById(proof.habilitationId)
                        .flatMap(h -> Organisation.<Organisation>findById(h.organisationId).map(org -> new Owner(h, org))))
                .flatMap(owner -> {
                    Habilitation h = owner.habilitation();
                    Organisation org = owner.organisation();
                    if (!families.requiresProof(h)) {
                        return Uni.createFrom().item(false);
                    }
                    if (h.contacts == null || h.contacts.emails().isEmpty()) {
                        LOG.warnf("Security proof %s reaches its %s notice but its habilitation has no contact", proof.id, due.threshold());
                        return Uni.createFrom().item(false);
                    }
                    String end = FRENCH_DATE.format(proof.validUntil);
                    String subject = "Preuve de sécurité de l'habilitation « " + h.intitule + " » : fin de validité le " + end;
                    String what = SecurityProof.HOMOLOGATION.equals(proof.kind)
                            ? "l'homologation de sécurité (RGS) « " + proof.reference + " »"
                            : "le questionnaire de sécurité « " + proof.reference + " »";
                    String body = "Bonjour,\n\nLa preuve de sécurité de l'habilitation « " + h.intitule + " » de "
                            + org.name + " (SIRET " + org.siret + "), " + what + ", est valable jusqu'au " + end + " inclus."
                            + "\n\nEnvoyez dès maintenant au support de Guichet une nouvelle décision d'homologation de sécurité (RGS)"
                            + " ou un questionnaire de sécurité rempli. Sans nouvelle preuve en cours de validité, les appels de cette"
                            + " habilitation aux données qui l'exigent (documents ENSU de la DGFIP) seront refusés à partir du lendemain"
                            + " de cette date, jusqu'à l'enregistrement de la nouvelle preuve."
                            + "\n\nRéférence de l'habilitation : " + h.id + MailLinks.signature(tokenConfig.pages());
                    Mail mail = new Mail().setSubject(subject).setText(body).setTo(new ArrayList<>(h.contacts.emails()));
                    return mailer.send(mail).invoke(() -> sentCounter.increment()).replaceWith(true);
                });
    }
}
