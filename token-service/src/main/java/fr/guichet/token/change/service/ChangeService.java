package fr.guichet.token.change.service;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.trace.UuidV7;
import fr.guichet.token.admin.PageRequest;
import fr.guichet.token.admin.PageView;
import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.change.repository.ChangeNotice;
import fr.guichet.token.change.repository.PlannedChange;
import fr.guichet.token.change.rest.AnnouncedChangeView;
import fr.guichet.token.change.rest.ChangeRequest;
import fr.guichet.token.change.rest.ChangeView;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.ApiKind;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.habilitation.HabilitationStatus;
import fr.guichet.token.partner.DemarcheAccess;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Planned technical changes: an operator announces one (refused inside the notice period of the
 * affected APIs, {@link NoticePeriods}); Guichet records a notice for the technical contact of every
 * validated habilitation using an affected operation (each address once), audited with the change,
 * then mails them ({@link ChangeNoticeMailer}). Partners and the public read the announced changes.
 */
@ApplicationScoped
public class ChangeService {

    private static final Logger LOG = Logger.getLogger(ChangeService.class);
    /** Dates are days in France: the notice is counted from the announcement's day in Paris. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final String SORT = "productionDate desc, announcedAt desc";

    private final ChangeOperations operations;
    private final NoticePeriods periods;
    private final ChangeNoticeMailer mailer;
    private final AuditService audit;
    private final DemarcheAccess access;
    private final TimeSource time;

    public ChangeService(ChangeOperations operations, NoticePeriods periods, ChangeNoticeMailer mailer, AuditService audit,
                         DemarcheAccess access, TimeSource time) {
        this.operations = operations;
        this.periods = periods;
        this.mailer = mailer;
        this.audit = audit;
        this.access = access;
        this.time = time;
    }

    private record Valid(String title, String description, List<ApiKind> apis, List<String> operations, LocalDate productionDate,
                         boolean urgent) {
    }

    /**
     * Records the change, its notices and its audit row ({@code announce_change}) in one transaction,
     * then mails the notices before answering (a mail that fails stays pending and is retried).
     *
     * @throws ApiException 422 {@code 00801} naming each invalid field; 422 {@code 00801} on
     *                      {@code production_date} when it is closer than the longest notice period,
     *                      the detail giving the earliest date allowed ({@code meta.earliest_date})
     */
    public Uni<ChangeView> announce(ChangeRequest request, String actor) {
        Valid valid = validate(request);
        Instant now = time.now();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        List<ChangeOperations.Operation> affected = operations.affected(valid.apis(), valid.operations());
        NoticePeriods.Notice notice = periods.longest(today, valid.apis(), affected, valid.urgent());
        if (valid.productionDate().isBefore(notice.earliest())) {
            throw tooSoon(valid.productionDate(), notice);
        }
        UUID id = UuidV7.at(now.toEpochMilli());
        return Panache.withTransaction(() -> users(affected).flatMap(byEmail -> {
            PlannedChange change = new PlannedChange();
            change.id = id;
            change.title = valid.title();
            change.description = valid.description();
            change.apis = valid.apis().stream().map(ApiKind::wire).toList();
            change.operations = valid.operations();
            change.productionDate = valid.productionDate();
            change.urgent = valid.urgent();
            change.earliestDate = notice.earliest();
            change.announcedAt = now;
            change.announcedBy = actor;
            List<ChangeNotice> notices = new ArrayList<>();
            byEmail.forEach((email, habilitations) -> {
                ChangeNotice n = new ChangeNotice();
                n.key = new ChangeNotice.Key(id, email);
                n.habilitationIds = List.copyOf(habilitations);
                n.recordedAt = now;
                notices.add(n);
            });
            AdminAction action = AdminAction.of(actor, "announce_change", "change", id.toString(), null)
                    .withDetails(Map.of("production_date", valid.productionDate().toString(), "urgent", String.valueOf(valid.urgent()),
                            "apis", String.join(",", change.apis), "operations", String.join(",", change.operations),
                            "notices", String.valueOf(notices.size())));
            return change.persist().chain(() -> ChangeNotice.persist(notices)).chain(() -> audit.record(action));
        })).invoke(() -> LOG.infof("Change %s announced by %s for %s", id, actor, valid.productionDate()))
                .chain(() -> mailer.sendPending(id))
                .chain(() -> detail(id));
    }

    /** Changes, newest production date first, one page. */
    public Uni<PageView<ChangeView>> list(PageRequest page) {
        return Panache.withSession(() -> {
            var query = PlannedChange.<PlannedChange>findAll(Sort.descending("productionDate", "announcedAt"));
            return query.page(Page.of(page.index(), page.perPage())).list()
                    .flatMap(rows -> query.count().map(total -> PageView.of(
                            rows.stream().map(c -> ChangeView.of(c, null)).toList(), page, total)));
        });
    }

    /** One change with its notices (address order); 404 {@code 00003} when unknown. */
    public Uni<ChangeView> detail(UUID id) {
        return Panache.withSession(() -> PlannedChange.<PlannedChange>findById(id).flatMap(c -> {
            if (c == null) {
                return Uni.createFrom().failure(TokenErrors.notFound("Changement inconnu : " + id));
            }
            return ChangeNotice.<ChangeNotice>list("key.changeId = ?1 order by key.email", id)
                    .map(notices -> ChangeView.of(c, notices));
        }));
    }

    /** Every announced change, newest production date first (the public list, no recipients). */
    public Uni<List<AnnouncedChangeView>> announced() {
        return Panache.withSession(() -> PlannedChange.<PlannedChange>listAll(Sort.descending("productionDate", "announcedAt")))
                .map(list -> list.stream().map(c -> AnnouncedChangeView.of(c, null)).toList());
    }

    /**
     * The changes affecting at least one démarche this person may act on ({@link DemarcheAccess}),
     * each with those démarches, newest production date first.
     */
    public Uni<List<AnnouncedChangeView>> announcedTo(DemarcheAccess.Person person) {
        return Panache.withSession(() -> access.habilitations(person).flatMap(habilitations ->
                PlannedChange.<PlannedChange>listAll(Sort.descending("productionDate", "announcedAt")).map(changes -> {
                    List<AnnouncedChangeView> views = new ArrayList<>();
                    for (PlannedChange c : changes) {
                        List<ChangeOperations.Operation> affected = operations.affected(apis(c), known(c.operations));
                        List<AnnouncedChangeView.Demarche> concerned = habilitations.stream()
                                .filter(h -> affected.stream().anyMatch(o -> o.usedBy(h)))
                                .map(h -> new AnnouncedChangeView.Demarche(h.id.toString(), h.intitule)).toList();
                        if (!concerned.isEmpty()) {
                            views.add(AnnouncedChangeView.of(c, concerned));
                        }
                    }
                    return views;
                })));
    }

    /** The API kinds of a stored change. */
    static List<ApiKind> apis(PlannedChange c) {
        return c.apis.stream().map(ApiKind::fromWire).flatMap(java.util.Optional::stream).toList();
    }

    /** The stored operations still declared (a later release may retire one). */
    List<String> known(List<String> ids) {
        return ids.stream().filter(operations::knows).toList();
    }

    /**
     * The technical contact address of every validated, live habilitation using an affected
     * operation, with those habilitations' ids: each address once, in address order.
     */
    private Uni<Map<String, Set<String>>> users(List<ChangeOperations.Operation> affected) {
        return Habilitation.<Habilitation>list("status = ?1 and endedAt is null and contactsErasedAt is null and contacts is not null",
                HabilitationStatus.VALIDATED.wire()).map(habilitations -> {
            Map<String, Set<String>> byEmail = new TreeMap<>();
            for (Habilitation h : habilitations) {
                if (h.contacts.technique() == null || h.contacts.technique().email() == null
                        || h.contacts.technique().email().isBlank() || affected.stream().noneMatch(o -> o.usedBy(h))) {
                    continue;
                }
                String email = h.contacts.technique().email().trim().toLowerCase(Locale.ROOT);
                byEmail.computeIfAbsent(email, e -> new LinkedHashSet<>()).add(h.id.toString());
            }
            return byEmail;
        });
    }

    private static ApiException tooSoon(LocalDate asked, NoticePeriods.Notice notice) {
        String detail = "La date de mise en production du " + FRENCH_DATE.format(asked) + " ne respecte pas le préavis de "
                + notice.rule() + " dû aux partenaires : la date la plus proche possible est le "
                + FRENCH_DATE.format(notice.earliest()) + " (" + notice.earliest() + ").";
        return new ApiException(422, new ApiError(TokenErrors.INVALID, "Entité non traitable", detail,
                Map.of("parameter", "production_date"), Map.of("earliest_date", notice.earliest().toString())));
    }

    private Valid validate(ChangeRequest request) {
        if (request == null) {
            throw TokenErrors.malformedBody("Le corps de la requête est vide.");
        }
        List<ApiError> errors = new ArrayList<>();
        String title = request.title() == null ? "" : request.title().trim();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.add(TokenErrors.invalidError("title", "Le titre (title) est obligatoire, " + MAX_TITLE + " caractères au plus."));
        }
        String description = request.description() == null ? "" : request.description().trim();
        if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
            errors.add(TokenErrors.invalidError("description",
                    "La description est obligatoire, " + MAX_DESCRIPTION + " caractères au plus."));
        }
        List<ApiKind> apis = new ArrayList<>();
        for (String api : request.apis() == null ? List.<String>of() : request.apis()) {
            ApiKind.fromWire(api).ifPresentOrElse(k -> {
                if (!apis.contains(k)) {
                    apis.add(k);
                }
            }, () -> errors.add(TokenErrors.invalidError("apis", "API inconnue : « " + api + " ». API possibles : entreprise, particulier.")));
        }
        List<String> ids = new ArrayList<>();
        for (String op : request.operations() == null ? List.<String>of() : request.operations()) {
            if (op == null || !operations.knows(op)) {
                errors.add(TokenErrors.invalidError("operations", "Opération inconnue : « " + op
                        + " » (identifiant de déclaration attendu, par exemple api_entreprise_v3_dgfip_ensu_document)."));
            } else if (!ids.contains(op)) {
                ids.add(op);
            }
        }
        if (apis.isEmpty() && ids.isEmpty() && errors.stream().noneMatch(e -> e.source() != null
                && (e.source().containsValue("apis") || e.source().containsValue("operations")))) {
            errors.add(TokenErrors.invalidError("operations", "Nommez au moins une API (apis) ou une opération (operations) concernée."));
        }
        LocalDate productionDate = null;
        if (request.productionDate() == null || request.productionDate().isBlank()) {
            errors.add(TokenErrors.invalidError("production_date", "La date de mise en production (production_date) est obligatoire."));
        } else {
            try {
                productionDate = LocalDate.parse(request.productionDate().trim());
            } catch (DateTimeParseException e) {
                errors.add(TokenErrors.invalidError("production_date",
                        "La date de mise en production (production_date) doit être une date AAAA-MM-JJ."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, errors);
        }
        return new Valid(title, description, List.copyOf(apis), List.copyOf(ids), productionDate,
                Boolean.TRUE.equals(request.urgent()));
    }
}
