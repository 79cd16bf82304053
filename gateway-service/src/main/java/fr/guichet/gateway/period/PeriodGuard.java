package fr.guichet.gateway.period;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.common.operation.OperationPeriod;
import fr.guichet.common.provider.DocumentKeys;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.provider.ProviderResponse;
import fr.guichet.gateway.service.Errors;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Period rights (DGFIP ENSU terms, 4: the producer checks "the consumer's rights on the data asked
 * for, for the period concerned"). An operation declared with a {@code period} ({@link OperationPeriod})
 * is checked against the periods the habilitation opens for the scopes that let the token in: when one
 * of those scopes is not restricted, nothing is checked. A period is inside when the whole of it lies
 * inside one open period ({@link OpenPeriod#contains}).
 *
 * <ul>
 *   <li>a period in the call (year, month, day parameter) outside: 403 {@code 00109} before the provider is asked;</li>
 *   <li>one document outside: 403 {@code 00109}, and its stored copy is deleted so that its URL serves nothing;</li>
 *   <li>a list: the documents outside are left out; {@code meta.documents_hors_periodes} counts them,
 *       {@code meta.periodes_ouvertes} lists the open periods, and {@code meta.nombre_documents}
 *       (when the provider gives it) counts what is left.</li>
 * </ul>
 * A document whose period the answer does not give is treated as outside: it cannot be shown to be inside.
 */
@ApplicationScoped
public class PeriodGuard {

    private static final Logger LOG = Logger.getLogger(PeriodGuard.class);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("0?[1-9]|1[0-2]");
    private static final Pattern FILE_URL = Pattern.compile("/proxy/files/([0-9a-fA-F-]{36})(?:[?#].*)?$");

    /**
     * What one call may see: the operation's period declaration and the periods open to it.
     *
     * @param period the operation's declaration
     * @param open   the open periods of the scopes that let the token in (any one suffices); empty: none
     */
    public record Restriction(OperationPeriod period, List<OpenPeriod> open) {

        boolean allows(LocalDate start, LocalDate end) {
            return open.stream().anyMatch(p -> p.contains(start, end));
        }

        String labels() {
            return open.isEmpty() ? "aucune période n'est ouverte"
                    : open.stream().map(OpenPeriod::label).collect(Collectors.joining(" ; "));
        }

        List<Map<String, Object>> meta() {
            return open.stream().map(OpenPeriod::meta).toList();
        }
    }

    private final Map<String, OperationPeriod> periods = new HashMap<>();
    private final ObjectMapper mapper;
    private final ReactiveRedisDataSource redis;

    @Inject
    public PeriodGuard(ObjectMapper mapper, ReactiveRedisDataSource redis) {
        this(OperationDeclarations.standard(), mapper, redis);
    }

    PeriodGuard(OperationDeclarations declarations, ObjectMapper mapper, ReactiveRedisDataSource redis) {
        for (OperationDeclaration d : declarations.all()) {
            if (d.period() != null) {
                periods.put(d.id(), d.period());
            }
        }
        this.mapper = mapper;
        this.redis = redis;
    }

    /**
     * The restriction that applies to a call, or null when none does: the operation has no period,
     * the habilitation restricts no period, or one of the scopes that let the token in is not restricted.
     *
     * @param tokenScopes the caller's scopes
     * @param rights      the periods of the token state copy
     */
    public Restriction restriction(Route route, Map<String, String> variables, Collection<String> tokenScopes,
                                   PeriodRights rights) {
        OperationPeriod period = periods.get(route.baseOperation());
        if (period == null || rights == null || rights.none()) {
            return null;
        }
        if (rights.unreadable()) {
            return new Restriction(period, List.of());
        }
        List<OpenPeriod> open = new ArrayList<>();
        for (String scope : route.requiredScopes(variables)) {
            if (!tokenScopes.contains(scope)) {
                continue;
            }
            var p = rights.of(scope);
            if (p.isEmpty()) {
                return null;
            }
            open.add(p.get());
        }
        return new Restriction(period, List.copyOf(open));
    }

    /**
     * Checks a period given by the call's parameters (kinds {@code year}, {@code month}, {@code date});
     * other kinds are checked on the answer.
     *
     * @param query the call's query parameters (the period parameter may be one)
     * @throws ApiException 403 {@code 00109} when the period is outside, or unreadable
     */
    public void checkCall(Restriction restriction, Map<String, String> variables, Map<String, List<String>> query) {
        if (restriction == null || restriction.period().inAnswer()) {
            return;
        }
        OperationPeriod period = restriction.period();
        String raw = value(period.parameter(), variables, query);
        LocalDate start;
        LocalDate end;
        String label;
        try {
            switch (period.kind()) {
                case YEAR -> {
                    int year = year(raw);
                    start = LocalDate.of(year, 1, 1);
                    end = LocalDate.of(year, 12, 31);
                    label = Integer.toString(year);
                }
                case MONTH -> {
                    String rawYear = value(period.yearParameter(), variables, query);
                    if (raw == null || !MONTH.matcher(raw).matches()) {
                        throw new DateTimeException("month " + raw);
                    }
                    YearMonth month = YearMonth.of(year(rawYear), Integer.parseInt(raw));
                    start = month.atDay(1);
                    end = month.atEndOfMonth();
                    label = String.format("%02d/%d", month.getMonthValue(), month.getYear());
                }
                default -> {
                    start = LocalDate.parse(String.valueOf(raw));
                    end = start;
                    label = start.toString();
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw outside(restriction, "La période demandée (« " + raw + " ») n'est pas lisible", period.parameter(), null, null);
        }
        if (!restriction.allows(start, end)) {
            throw outside(restriction, "La période demandée (" + label + ") est hors des périodes ouvertes par votre habilitation",
                    period.parameter(), start, end);
        }
    }

    /**
     * Checks or filters a successful JSON answer whose period lies in its documents (kinds
     * {@code document}, {@code document_list}); any other answer is returned as is.
     *
     * @param identifier the route's identifier variable, named in the error's {@code source}
     * @throws ApiException 403 {@code 00109} when the one document answered is outside
     */
    public ProviderResponse checkAnswer(Restriction restriction, String identifier, ProviderResponse answer) {
        if (restriction == null || !restriction.period().inAnswer() || answer.status() < 200 || answer.status() >= 300
                || answer.contentType() == null || !answer.contentType().contains("json")) {
            return answer;
        }
        JsonNode body;
        try {
            body = mapper.readTree(answer.body());
        } catch (IOException e) {
            // Not ours to repair: no period can be read, so no document can be shown to be inside.
            throw outside(restriction, "La période du document n'a pas pu être lue", identifier, null, null);
        }
        if (!(body instanceof ObjectNode root)) {
            throw outside(restriction, "La période du document n'a pas pu être lue", identifier, null, null);
        }
        OperationPeriod period = restriction.period();
        if (period.kind() == OperationPeriod.Kind.DOCUMENT) {
            JsonNode data = root.path("data");
            LocalDate[] span = span(period, data);
            if (span == null || !restriction.allows(span[0], span[1])) {
                forget(data.path("document_url").asText(null));
                throw outside(restriction, span == null ? "La période du document n'est pas connue"
                                : "La période du document (" + label(span) + ") est hors des périodes ouvertes par votre habilitation",
                        identifier, span == null ? null : span[0], span == null ? null : span[1]);
            }
            return answer;
        }
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            return answer;
        }
        ArrayNode kept = mapper.createArrayNode();
        int left = 0;
        for (JsonNode item : data) {
            JsonNode documentData = item.has("data") ? item.get("data") : item;
            LocalDate[] span = span(period, documentData);
            if (span != null && restriction.allows(span[0], span[1])) {
                kept.add(item);
            } else {
                left++;
            }
        }
        root.set("data", kept);
        ObjectNode meta = root.path("meta") instanceof ObjectNode m ? m : root.putObject("meta");
        if (meta.has("nombre_documents")) {
            meta.put("nombre_documents", kept.size());
        }
        meta.put("documents_hors_periodes", left);
        meta.set("periodes_ouvertes", mapper.valueToTree(restriction.meta()));
        try {
            return new ProviderResponse(answer.status(), answer.contentType(), mapper.writeValueAsBytes(root), answer.cache());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** [start, end] of a document's data, or null when it gives neither; one end alone stands for both. */
    private static LocalDate[] span(OperationPeriod period, JsonNode data) {
        LocalDate end = date(data.at(period.end()));
        LocalDate start = period.start() == null ? null : date(data.at(period.start()));
        if (start == null && end == null) {
            return null;
        }
        start = start == null ? end : start;
        end = end == null ? start : end;
        return end.isBefore(start) ? new LocalDate[]{end, start} : new LocalDate[]{start, end};
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().length() < 10) {
            return null;
        }
        try {
            // A timestamp's day is its first ten characters (2025-03-20T09:12:00+01:00).
            return LocalDate.parse(node.asText().substring(0, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String label(LocalDate[] span) {
        return span[0].equals(span[1]) ? span[0].toString() : "du " + span[0] + " au " + span[1];
    }

    private static int year(String raw) {
        if (raw == null || !YEAR.matcher(raw).matches()) {
            throw new DateTimeException("year " + raw);
        }
        return Integer.parseInt(raw);
    }

    private static String value(String name, Map<String, String> variables, Map<String, List<String>> query) {
        if (name == null) {
            return null;
        }
        if (variables != null && variables.containsKey(name)) {
            return variables.get(name);
        }
        List<String> values = query == null ? null : query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Deletes the stored copy of a refused document (best effort: it expires anyway). */
    private void forget(String documentUrl) {
        if (documentUrl == null) {
            return;
        }
        Matcher m = FILE_URL.matcher(documentUrl);
        if (m.find()) {
            String key = DocumentKeys.key(m.group(1));
            redis.key().del(key).subscribe().with(n -> { }, f -> LOG.debugf("Refused document %s not deleted: %s", key, f));
        }
    }

    private static ApiException outside(Restriction restriction, String what, String parameter, LocalDate start, LocalDate end) {
        Map<String, Object> asked = new java.util.LinkedHashMap<>();
        asked.put("debut", start == null ? null : start.toString());
        asked.put("fin", end == null ? null : end.toString());
        ApiError error = Errors.of("00109")
                .withDetail(what + " pour ces données. Périodes ouvertes : " + restriction.labels() + ".")
                .withMeta("periode_demandee", asked)
                .withMeta("periodes_ouvertes", restriction.meta());
        // source names what carries the period: the year parameter, or the document's identifier.
        return new ApiException(403, new ApiError(error.code(), error.title(), error.detail(),
                parameter == null ? error.source() : Map.of("parameter", parameter), error.meta()));
    }
}
