package fr.guichet.portal.demarche.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.portal.demarche.client.TokenServiceClient;
import fr.guichet.portal.demarche.client.TokenServiceFailure;
import fr.guichet.portal.session.PartnerSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The partner's démarches, read and changed through token-service's {@code /me/...} API with the
 * person's own session: token-service decides what the person sees (only the démarches they are
 * a contact of, within their organisation); whatever it does not show is "not found" here too.
 */
@ApplicationScoped
public class DemarcheService {

    /** Days before a démarche's end from which the renewal prompt shows (the platform's terms: 90). */
    public static final int RENEWAL_NOTICE_DAYS = 90;
    /** The statistics period, in days. */
    public static final int STATS_DAYS = 30;
    /** Rows of the last-requests page and of a CSV export (token-service's {@code /me} limit). */
    public static final int MAX_REQUESTS = 500;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(PARIS);

    private final TokenServiceClient tokens;
    private final Clock clock;

    @jakarta.inject.Inject
    public DemarcheService(@RestClient TokenServiceClient tokens) {
        this(tokens, Clock.systemUTC());
    }

    DemarcheService(TokenServiceClient tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The démarches the person is a contact of, with their tokens. */
    public List<DemarcheView> list(PartnerSession session) {
        JsonNode habilitations = call(() -> tokens.habilitations(session.bearer()));
        JsonNode tokenList = call(() -> tokens.tokens(session.bearer()));
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        List<DemarcheView> views = new ArrayList<>();
        for (JsonNode h : habilitations.path("data")) {
            views.add(view(h, tokenList.path("data"), today));
        }
        return views;
    }

    /** One démarche of the person; 404 when they may not see it (or it does not exist). */
    public DemarcheView find(PartnerSession session, String id) {
        return list(session).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(PageFailure::notFound);
    }

    /** The OAuth2 clients of démarche {@code demarche}, newest first (as token-service lists them). */
    public List<DemarcheView.OAuthClientView> oauthClients(PartnerSession session, DemarcheView demarche) {
        return oauthClients(call(() -> tokens.oauthClients(session.bearer())).path("data"), demarche.id());
    }

    /** The clients of {@code habilitationId} among token-service's {@code /me/oauth-clients} entries. */
    List<DemarcheView.OAuthClientView> oauthClients(JsonNode clients, String habilitationId) {
        List<DemarcheView.OAuthClientView> views = new ArrayList<>();
        for (JsonNode c : clients) {
            if (habilitationId.equals(c.path("habilitation_id").asText())) {
                String status = c.path("status").asText();
                views.add(new DemarcheView.OAuthClientView(c.path("client_id").asText(), status,
                        TOKEN_LABELS.getOrDefault(status, status), parisDate(c.path("created_at").asText(null)),
                        parisDate(c.path("revoked_at").asText(null))));
            }
        }
        return views;
    }

    private static LocalDate parisDate(String instant) {
        return instant == null ? null : Instant.parse(instant).atZone(PARIS).toLocalDate();
    }

    /** The token {@code jti} of démarche {@code id}, or its main token when {@code jti} is blank. */
    public Optional<DemarcheView.TokenView> token(DemarcheView demarche, String jti) {
        if (jti == null || jti.isBlank()) {
            return Optional.ofNullable(demarche.mainToken());
        }
        return Optional.of(demarche.tokens().stream().filter(t -> t.jti().equals(jti)).findFirst()
                .orElseThrow(PageFailure::notFound));
    }

    /**
     * Replaces the technique and métier contacts (the demandeur is kept).
     *
     * @return field → French error; empty when saved
     */
    public Map<String, String> updateContacts(PartnerSession session, DemarcheView demarche, ContactsForm form) {
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return errors;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        DemarcheView.ContactsView current = demarche.contacts();
        body.set("demandeur", contact(current.demandeurEmail(), current.demandeurPhone()));
        body.set("technique", contact(form.techniqueEmail(), form.techniquePhone()));
        body.set("metier", contact(form.metierEmail(), form.metierPhone()));
        try {
            tokens.updateContacts(session.bearer(), demarche.id(), body);
            return Map.of();
        } catch (RuntimeException e) {
            TokenServiceFailure failure = TokenServiceFailure.of(e);
            if (failure.status() == 400 || failure.status() == 422 || failure.status() == 409) {
                return Map.of("contacts", failure.message());
            }
            throw new PageFailure(failure);
        }
    }

    /** The token's value, once (token-service erases its copy as it hands it out). */
    public String reveal(PartnerSession session, String jti) {
        return call(() -> tokens.retrieve(session.bearer(), jti)).path("token").asText();
    }

    /** The token's calls per UTC day over the last {@value #STATS_DAYS} days, today included. */
    public StatsView stats(PartnerSession session, String jti) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(STATS_DAYS - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        JsonNode counts = call(() -> tokens.stats(session.bearer(), jti, from.toString(), to.toString()));
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            byDay.put(d, new long[3]);
        }
        Map<String, long[]> byOperation = new TreeMap<>();
        long total = 0;
        for (JsonNode c : counts.path("data")) {
            LocalDate day = LocalDate.parse(c.path("day").asText());
            int statusClass = statusClass(c.path("status").asInt());
            long n = c.path("count").asLong();
            total += n;
            long[] d = byDay.get(day);
            if (d != null) {
                d[statusClass] += n;
            }
            byOperation.computeIfAbsent(c.path("operation_id").asText("—"), k -> new long[3])[statusClass] += n;
        }
        List<StatsView.Day> days = byDay.entrySet().stream()
                .map(e -> new StatsView.Day(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        List<StatsView.Operation> operations = byOperation.entrySet().stream()
                .map(e -> new StatsView.Operation(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingLong(StatsView.Operation::total).reversed()).toList();
        return new StatsView(jti, days, operations, total);
    }

    /** The token's last calls, newest first; {@code errorsOnly} keeps the 4xx and 5xx. */
    public List<RequestRow> lastRequests(PartnerSession session, String jti, boolean errorsOnly) {
        List<RequestRow> rows = requests(session, jti, null, null);
        return errorsOnly ? rows.stream().filter(RequestRow::error).toList() : rows;
    }

    /**
     * The token's calls from {@code from} to {@code to} (Paris days, both included), newest
     * first, at most {@value #MAX_REQUESTS}.
     */
    public List<RequestRow> requests(PartnerSession session, String jti, LocalDate from, LocalDate to) {
        String start = from == null ? null : from.atStartOfDay(PARIS).toInstant().toString();
        String end = to == null ? null : to.plusDays(1).atStartOfDay(PARIS).toInstant().toString();
        JsonNode page = call(() -> tokens.lastRequests(session.bearer(), jti, MAX_REQUESTS, start, end));
        List<RequestRow> rows = new ArrayList<>();
        for (JsonNode e : page.path("data")) {
            rows.add(new RequestRow(Instant.parse(e.path("timestamp").asText()), e.path("operation_id").asText(null),
                    e.path("path").asText(null), e.path("status").asInt(), e.path("error_code").asText(null),
                    e.hasNonNull("latency_ms") ? e.get("latency_ms").asLong() : null, e.path("request_id").asText(null)));
        }
        return rows;
    }

    /** 0: success (below 400), 1: 4xx, 2: 5xx. */
    static int statusClass(int status) {
        return status >= 500 ? 2 : status >= 400 ? 1 : 0;
    }

    DemarcheView view(JsonNode h, JsonNode allTokens, LocalDate today) {
        String id = h.path("id").asText();
        List<DemarcheView.TokenView> tokenViews = new ArrayList<>();
        for (JsonNode t : allTokens) {
            if (id.equals(t.path("habilitation_id").asText())) {
                tokenViews.add(tokenView(t, today));
            }
        }
        // newest first, as token-service lists them; the expiry is the latest end among active tokens
        Optional<DemarcheView.TokenView> latest = tokenViews.stream().filter(DemarcheView.TokenView::active)
                .max(Comparator.comparing(DemarcheView.TokenView::endsOn));
        LocalDate expiresOn = latest.map(DemarcheView.TokenView::endsOn).orElse(null);
        Long daysLeft = expiresOn == null ? null : ChronoUnit.DAYS.between(today, expiresOn);
        String status = h.path("status").asText();
        JsonNode c = h.path("contacts");
        DemarcheView.ContactsView contacts = new DemarcheView.ContactsView(
                text(c.path("demandeur"), "email"), text(c.path("demandeur"), "phone"),
                text(c.path("technique"), "email"), text(c.path("technique"), "phone"),
                text(c.path("metier"), "email"), text(c.path("metier"), "phone"));
        List<String> scopes = new ArrayList<>();
        h.path("scopes").forEach(s -> scopes.add(s.asText()));
        return new DemarcheView(id, h.path("intitule").asText(), h.path("api_kind").asText(), status,
                STATUS_LABELS.getOrDefault(status, status), STATUS_BADGES.getOrDefault(status, "fr-badge--info"),
                h.path("legal_basis").asText(null), List.copyOf(scopes), h.path("rate_limit_per_minute").asInt(),
                h.path("environment").asText(null), contacts, List.copyOf(tokenViews), expiresOn, daysLeft,
                daysLeft != null && daysLeft <= RENEWAL_NOTICE_DAYS);
    }

    private static DemarcheView.TokenView tokenView(JsonNode t, LocalDate today) {
        LocalDate ends = Instant.parse(t.path("ends_at").asText()).atZone(PARIS).toLocalDate();
        String status = t.path("status").asText();
        return new DemarcheView.TokenView(t.path("jti").asText(), status, TOKEN_LABELS.getOrDefault(status, status),
                Instant.parse(t.path("issued_at").asText()).atZone(PARIS).toLocalDate(), ends,
                "active".equals(status) ? ChronoUnit.DAYS.between(today, ends) : null,
                t.path("retrievable").asBoolean(false));
    }

    private static final Map<String, String> STATUS_LABELS = Map.of(
            "draft", "Brouillon", "submitted", "En instruction", "validated", "Validée",
            "refused", "Refusée", "revoked", "Révoquée");
    private static final Map<String, String> STATUS_BADGES = Map.of(
            "draft", "fr-badge--info", "submitted", "fr-badge--new", "validated", "fr-badge--success",
            "refused", "fr-badge--error", "revoked", "fr-badge--error");
    private static final Map<String, String> TOKEN_LABELS = Map.of(
            "active", "Actif", "expired", "Expiré", "revoked", "Révoqué");

    private static ObjectNode contact(String email, String phone) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("email", email == null ? null : email.strip());
        if (phone != null && !phone.isBlank()) {
            node.put("phone", phone.strip());
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode call(Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (e instanceof PageFailure p) {
                throw p;
            }
            throw new PageFailure(TokenServiceFailure.of(e));
        }
    }

}
