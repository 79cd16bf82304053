package fr.guichet.token.notice;

import fr.guichet.token.config.MailLinks;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.organisation.Organisation;
import fr.guichet.token.time.TimeSource;
import fr.guichet.token.token.Token;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * E-mails a habilitation's contacts as its token's end approaches (90, 60, 30, 15, 7 and 0 days
 * by default). Each threshold is claimed in {@code token_notices} (primary key token + threshold)
 * before the mail leaves, so it is sent once even across restarts, missed runs and instances.
 * After missed runs only the most urgent due threshold is mailed; the older ones are recorded as
 * superseded rather than sending a burst of stale notices.
 */
@ApplicationScoped
public class ExpiryNoticeJob {

    private static final Logger LOG = Logger.getLogger(ExpiryNoticeJob.class);
    private static final DateTimeFormatter FRENCH_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));
    /** A 0-day notice still goes out if the run on the expiry day was missed by less than this. */
    static final Duration LATE_GRACE = Duration.ofDays(1);

    @Inject
    TimeSource time;

    @Inject
    TokenConfig config;

    @Inject
    ReactiveMailer mailer;

    private final Counter sentCounter;

    ExpiryNoticeJob(MeterRegistry registry) {
        this.sentCounter = Counter.builder("guichet.token.expiry.notices.sent")
                .description("Expiry notice e-mails sent").register(registry);
    }

    @Scheduled(cron = "${guichet.token.notices.cron:0 0 7 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    private record Due(Token token, int threshold, List<Integer> superseded) {
    }

    private record Owner(Habilitation habilitation, Organisation organisation) {
    }

    /** One pass at {@link TimeSource#now()}; answers the number of e-mails sent. */
    public Uni<Integer> run() {
        Instant now = time.now();
        List<Integer> thresholds = config.notices().thresholdsDays().stream().sorted(Comparator.reverseOrder()).toList();
        int widest = thresholds.get(0);
        return Panache.withSession(() -> Token.<Token>list(
                        "kind = ?1 and revokedAt is null and replacedBy is null and endsAt > ?2 and endsAt <= ?3",
                        Token.KIND_API, now.minus(LATE_GRACE), now.plus(Duration.ofDays(widest))))
                .flatMap(candidates -> {
                    Uni<Integer> sent = Uni.createFrom().item(0);
                    for (Token token : candidates) {
                        sent = sent.flatMap(count -> notify(token, thresholds, now).map(ok -> ok ? count + 1 : count));
                    }
                    return sent;
                })
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Expiry notices: %d e-mail(s) sent", count);
                    }
                });
    }

    private Uni<Boolean> notify(Token token, List<Integer> thresholds, Instant now) {
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "select threshold_days from token_notices where token_jti = :jti", Integer.class)
                        .setParameter("jti", token.jti).getResultList()))
                .flatMap(recorded -> {
                    Due due = due(token, thresholds, now, new HashSet<>(recorded));
                    if (due == null) {
                        return Uni.createFrom().item(false);
                    }
                    return claim(due, now).flatMap(claimed -> claimed
                            ? mail(due).onFailure().call(f -> release(due, f)).onFailure().recoverWithItem(false)
                            : Uni.createFrom().item(false));
                });
    }

    /** The most urgent threshold reached and not yet recorded, with the older unrecorded ones. */
    static Due due(Token token, List<Integer> thresholdsDesc, Instant now, Set<Integer> recorded) {
        List<Integer> reached = new ArrayList<>();
        for (int t : thresholdsDesc) {
            if (!now.isBefore(token.endsAt.minus(Duration.ofDays(t)))) {
                reached.add(t);
            }
        }
        if (reached.isEmpty()) {
            return null;
        }
        int mostUrgent = reached.get(reached.size() - 1);
        if (recorded.contains(mostUrgent)) {
            return null;
        }
        List<Integer> superseded = reached.subList(0, reached.size() - 1).stream().filter(t -> !recorded.contains(t)).toList();
        return new Due(token, mostUrgent, superseded);
    }

    /** True when this run won the threshold (another instance or run may have it already). */
    private Uni<Boolean> claim(Due due, Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> {
            Uni<Integer> chain = s.createNativeQuery("insert into token_notices (token_jti, threshold_days, outcome, recorded_at) "
                            + "values (:jti, :t, 'sent', :now) on conflict do nothing")
                    .setParameter("jti", due.token().jti).setParameter("t", due.threshold()).setParameter("now", now)
                    .executeUpdate();
            for (int older : due.superseded()) {
                chain = chain.call(() -> s.createNativeQuery("insert into token_notices (token_jti, threshold_days, outcome, recorded_at) "
                                + "values (:jti, :t, 'superseded', :now) on conflict do nothing")
                        .setParameter("jti", due.token().jti).setParameter("t", older).setParameter("now", now)
                        .executeUpdate());
            }
            return chain.map(inserted -> inserted == 1);
        }));
    }

    /** The mail could not leave: the claim is dropped so that the next run tries again. */
    private Uni<Void> release(Due due, Throwable failure) {
        LOG.warnf("Expiry notice for token %s (%d days) not sent, will retry: %s", due.token().jti, due.threshold(), failure.toString());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "delete from token_notices where token_jti = :jti and threshold_days = :t")
                .setParameter("jti", due.token().jti).setParameter("t", due.threshold()).executeUpdate())).replaceWithVoid();
    }

    private Uni<Boolean> mail(Due due) {
        Token token = due.token();
        return Panache.withSession(() -> Habilitation.<Habilitation>findById(token.habilitationId)
                        .flatMap(h -> Organisation.<Organisation>findById(h.organisationId).map(org -> new Owner(h, org))))
                .flatMap(owner -> {
                    Habilitation h = owner.habilitation();
                    Organisation org = owner.organisation();
                    if (h.contacts == null || h.contacts.emails().isEmpty()) {
                        LOG.warnf("Token %s reaches its %d-day notice but its habilitation has no contact", token.jti, due.threshold());
                        return Uni.createFrom().item(false);
                    }
                    String subject = due.threshold() == 0
                            ? "Votre jeton Guichet « " + h.intitule + " » expire aujourd'hui"
                            : "Votre jeton Guichet « " + h.intitule + " » expire dans " + due.threshold() + " jours";
                    String body = "Bonjour,\n\nLe jeton d'accès de l'habilitation « " + h.intitule + " » de "
                            + org.name + " (SIRET " + org.siret + ") expire le " + FRENCH_DATE.format(token.endsAt)
                            + ".\n\nPour continuer à appeler Guichet sans interruption, demandez son renouvellement :\n"
                            + MailLinks.renewal(config.pages(), h.id)
                            + "\n\nRéférence du jeton : " + token.jti + MailLinks.signature(config.pages());
                    Mail mail = new Mail().setSubject(subject).setText(body).setTo(new ArrayList<>(h.contacts.emails()));
                    return mailer.send(mail).invoke(() -> sentCounter.increment()).replaceWith(true);
                });
    }
}
