package fr.guichet.token.change.service;

import fr.guichet.token.change.config.ChangeConfig;
import fr.guichet.token.change.repository.ChangeNotice;
import fr.guichet.token.change.repository.PlannedChange;
import fr.guichet.token.config.MailLinks;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.habilitation.ApiKind;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.organisation.Organisation;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends the recorded notices of technical changes through the platform's mailer, one mail per
 * technical contact address naming its démarches concerned. A notice is claimed
 * ({@code attempted_at}) before its mail leaves, so that two instances never send it twice; it is
 * marked sent once the mailer accepted it. A failed mail stays pending (with its error) and the
 * scheduled pass sends it again ({@code guichet.token.changes.retry-every}).
 */
@ApplicationScoped
public class ChangeNoticeMailer {

    private static final Logger LOG = Logger.getLogger(ChangeNoticeMailer.class);
    static final int MAX_ERROR = 500;

    private final ReactiveMailer mailer;
    private final TokenConfig tokenConfig;
    private final ChangeConfig config;
    private final ChangeOperations operations;
    private final TimeSource time;

    public ChangeNoticeMailer(ReactiveMailer mailer, TokenConfig tokenConfig, ChangeConfig config, ChangeOperations operations,
                              TimeSource time) {
        this.mailer = mailer;
        this.tokenConfig = tokenConfig;
        this.config = config;
        this.operations = operations;
        this.time = time;
    }

    @Scheduled(every = "${guichet.token.changes.retry-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sendPending(null).replaceWithVoid();
    }

    /**
     * Sends the pending notices of change {@code changeId} (every change's when null) that no other
     * sender holds; answers the number of mails sent.
     */
    public Uni<Integer> sendPending(UUID changeId) {
        Instant stale = time.now().minus(config.claimTimeout());
        String where = "sentAt is null and (attemptedAt is null or attemptedAt < ?1)";
        Uni<List<ChangeNotice>> pending = Panache.withSession(() -> changeId == null
                ? ChangeNotice.<ChangeNotice>list(where + " order by recordedAt", stale)
                : ChangeNotice.<ChangeNotice>list(where + " and key.changeId = ?2 order by key.email", stale, changeId));
        return pending.flatMap(notices -> {
            Uni<Integer> count = Uni.createFrom().item(0);
            for (ChangeNotice n : notices) {
                count = count.flatMap(c -> deliver(n.key).map(ok -> ok ? c + 1 : c));
            }
            return count;
        }).invoke(count -> {
            if (count > 0) {
                LOG.infof("Change notices: %d e-mail(s) sent", count);
            }
        });
    }

    /** Claims, mails and marks one notice; false when another sender holds it or the mail failed. */
    private Uni<Boolean> deliver(ChangeNotice.Key key) {
        Instant now = time.now();
        return claim(key, now).flatMap(claimed -> !claimed ? Uni.createFrom().item(false)
                : mail(key).chain(() -> mark(key, "sentAt = ?1, lastError = null", time.now())).replaceWith(true)
                .onFailure().recoverWithUni(f -> {
                    LOG.warnf("Notice of change %s to one contact not sent, will retry: %s", key.changeId, f.toString());
                    String error = String.valueOf(f.getMessage());
                    return mark(key, "attemptedAt = null, lastError = ?1",
                            error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error).replaceWith(false);
                }));
    }

    private Uni<Boolean> claim(ChangeNotice.Key key, Instant now) {
        return Panache.withTransaction(() -> ChangeNotice.update(
                "attemptedAt = ?1, attempts = attempts + 1 where key.changeId = ?2 and key.email = ?3 and sentAt is null "
                        + "and (attemptedAt is null or attemptedAt < ?4)",
                now, key.changeId, key.email, now.minus(config.claimTimeout()))).map(updated -> updated == 1);
    }

    private Uni<Integer> mark(ChangeNotice.Key key, String assignments, Object value) {
        return Panache.withTransaction(() -> ChangeNotice.update(assignments + " where key.changeId = ?2 and key.email = ?3",
                value, key.changeId, key.email));
    }

    private record Content(PlannedChange change, ChangeNotice notice, List<Habilitation> habilitations,
                           Map<UUID, Organisation> organisations) {
    }

    private Uni<Void> mail(ChangeNotice.Key key) {
        return Panache.withSession(() -> PlannedChange.<PlannedChange>findById(key.changeId)
                .flatMap(change -> ChangeNotice.<ChangeNotice>findById(key).flatMap(notice -> {
                    List<UUID> ids = notice.habilitationIds.stream().map(UUID::fromString).toList();
                    return Habilitation.<Habilitation>list("id in ?1 order by intitule", ids).flatMap(habs ->
                            Organisation.<Organisation>list("id in ?1", habs.stream().map(h -> h.organisationId).distinct().toList())
                                    .map(orgs -> new Content(change, notice, habs,
                                            orgs.stream().collect(Collectors.toMap(o -> o.id, Function.identity())))));
                })))
                .flatMap(content -> mailer.send(new Mail().setTo(List.of(key.email))
                        .setSubject(subject(content.change())).setText(body(content))));
    }

    static String subject(PlannedChange change) {
        return (change.urgent ? "[Urgent] " : "") + "Changement technique de Guichet le " + ChangeService.FRENCH_DATE.format(change.productionDate) + " : " + change.title;
    }

    private String body(Content content) {
        PlannedChange change = content.change();
        StringBuilder text = new StringBuilder("Bonjour,\n\nGuichet mettra en production le ")
                .append(ChangeService.FRENCH_DATE.format(change.productionDate)).append(" le changement technique suivant :\n\n")
                .append(change.title).append("\n\n").append(change.description).append("\n");
        List<ApiKind> apis = ChangeService.apis(change);
        if (!apis.isEmpty()) {
            text.append("\nAPI concernées (toutes leurs opérations) : ")
                    .append(apis.stream().map(k -> k == ApiKind.PARTICULIER ? "API Particulier" : "API Entreprise")
                            .collect(Collectors.joining(", "))).append("\n");
        }
        List<ChangeOperations.Operation> named = change.operations.stream().filter(operations::knows).map(operations::operation).toList();
        if (!named.isEmpty()) {
            text.append("\nOpérations concernées :\n");
            named.forEach(o -> text.append("- ").append(o.id()).append(o.paths().isEmpty() ? "" : " (" + String.join(", ", o.paths()) + ")")
                    .append("\n"));
        }
        text.append("\nVous recevez ce message en tant que contact technique de :\n");
        for (Habilitation h : content.habilitations()) {
            Organisation org = content.organisations().get(h.organisationId);
            text.append("- « ").append(h.intitule).append(" »")
                    .append(org == null ? "" : " (" + org.name + ", SIRET " + org.siret + ")").append("\n");
        }
        text.append("\nPréparez vos logiciels avant cette date ; la liste des changements annoncés reste consultable dans votre espace partenaire.");
        return text.append(MailLinks.signature(tokenConfig.pages())).toString();
    }
}
