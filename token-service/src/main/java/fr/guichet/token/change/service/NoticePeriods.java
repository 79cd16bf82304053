package fr.guichet.token.change.service;

import fr.guichet.token.change.config.ChangeConfig;
import fr.guichet.token.habilitation.ApiKind;
import fr.guichet.token.workdays.FrenchWorkingDays;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The notice a change owes its partners before going into production, from the terms of each
 * affected API family; the longest one applies:
 * <ul>
 *   <li>API Particulier (any of its operations, or the whole API): partners are told by e-mail
 *       six months ahead (API Particulier's terms), {@code guichet.token.changes.notice.particulier};</li>
 *   <li>ENSU operations ({@code guichet.token.changes.ensu-operations}): 14 working days ahead (DGFIP
 *       ENSU terms), French public holidays counted ({@link FrenchWorkingDays}),
 *       {@code guichet.token.changes.notice.ensu-working-days}; 7 in an emergency
 *       ({@code guichet.token.changes.notice.ensu-urgent-working-days});</li>
 *   <li>any other operation: {@code guichet.token.changes.notice.default} (one month).</li>
 * </ul>
 * A change of ENSU operations only thus owes 14 working days, even if the default is longer.
 * Notices are counted from the day of the announcement (Paris): the production date may be that
 * day plus the period (e.g. the 14th working day after it), not earlier.
 */
@ApplicationScoped
@Startup // a misspelt ENSU operation id stops the start-up rather than the first announcement
public class NoticePeriods {

    /** The notice rule that decided, and the earliest production date it allows. */
    public record Notice(LocalDate earliest, String rule) {
    }

    private final ChangeConfig config;
    private final Set<String> ensuOperations;

    public NoticePeriods(ChangeConfig config, ChangeOperations operations) {
        this.config = config;
        this.ensuOperations = new HashSet<>(config.ensuOperations());
        for (String id : ensuOperations) {
            if (!operations.knows(id)) {
                throw new IllegalStateException("guichet.token.changes.ensu-operations names an unknown operation: " + id);
            }
        }
    }

    /**
     * The longest notice among the affected operations and APIs, announced on {@code today}.
     *
     * @param apis     whole APIs affected
     * @param affected every affected operation ({@link ChangeOperations#affected})
     * @param urgent   an emergency change: the ENSU operations owe
     *                 {@code guichet.token.changes.notice.ensu-urgent-working-days} (7) working days; the others
     *                 their usual notice
     */
    public Notice longest(LocalDate today, Collection<ApiKind> apis, Collection<ChangeOperations.Operation> affected,
                          boolean urgent) {
        List<Notice> notices = new java.util.ArrayList<>();
        // Each operation owes its own API's notice: the default only for those no terms cover.
        if (affected.isEmpty() || affected.stream().anyMatch(o -> o.api() != ApiKind.PARTICULIER && !ensuOperations.contains(o.id()))) {
            notices.add(defaultNotice(today));
        }
        if (apis.contains(ApiKind.PARTICULIER) || affected.stream().anyMatch(o -> o.api() == ApiKind.PARTICULIER)) {
            notices.add(new Notice(today.plus(config.notice().particulier()),
                    words(config.notice().particulier()) + " (API Particulier)"));
        }
        if (affected.stream().anyMatch(o -> ensuOperations.contains(o.id()))) {
            int days = urgent ? config.notice().ensuUrgentWorkingDays() : config.notice().ensuWorkingDays();
            notices.add(new Notice(FrenchWorkingDays.plusWorkingDays(today, days),
                    days + " jours ouvrés" + (urgent ? " en urgence" : "") + " (opérations ENSU de la DGFIP)"));
        }
        return notices.stream().max(Comparator.comparing(Notice::earliest)).orElseThrow();
    }

    private Notice defaultNotice(LocalDate today) {
        return new Notice(today.plus(config.notice().defaultPeriod()), words(config.notice().defaultPeriod()) + " (préavis par défaut)");
    }

    /** A period in French words: « 6 mois », « 1 mois et 15 jours ». */
    static String words(Period period) {
        List<String> parts = new java.util.ArrayList<>();
        if (period.getYears() > 0) {
            parts.add(period.getYears() + (period.getYears() > 1 ? " ans" : " an"));
        }
        if (period.getMonths() > 0) {
            parts.add(period.getMonths() + " mois");
        }
        if (period.getDays() > 0 || parts.isEmpty()) {
            parts.add(period.getDays() + (period.getDays() > 1 ? " jours" : " jour"));
        }
        return String.join(" et ", parts);
    }
}
