package fr.guichet.gateway.period;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The periods a habilitation opens, per scope: the {@code periods} field of the token state copy
 * ({@code {"<scope>": {"years": [...]} | {"from": "...", "to": "..."}}}, docs/internal-contracts.md).
 * A scope without entry is not restricted. A field token-service wrote but this gateway cannot
 * read restricts everything ({@link #unreadable()}): a period right is never widened by a parse error.
 *
 * @param byScope    the open period of each restricted scope
 * @param json       the field as stored (compact JSON), or null when absent
 * @param unreadable true when {@code json} could not be read
 */
public record PeriodRights(Map<String, OpenPeriod> byScope, String json, boolean unreadable) {

    /** No restriction (the field is absent). */
    public static final PeriodRights NONE = new PeriodRights(Map.of(), null, false);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** True when no scope is restricted. */
    public boolean none() {
        return byScope.isEmpty() && !unreadable;
    }

    /** The open period of {@code scope}, empty when the scope is not restricted. */
    public Optional<OpenPeriod> of(String scope) {
        return Optional.ofNullable(byScope.get(scope));
    }

    /** Reads the Redis hash field (empty or absent: {@link #NONE}). */
    public static PeriodRights parse(String field) {
        if (field == null || field.isBlank()) {
            return NONE;
        }
        try {
            return parse(JSON.readTree(field), field);
        } catch (IOException | RuntimeException e) {
            return new PeriodRights(Map.of(), field, true);
        }
    }

    /** Reads the {@code periods} member of token-service's JSON answer (missing or null: {@link #NONE}). */
    public static PeriodRights parse(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return NONE;
        }
        try {
            return parse(node, JSON.writeValueAsString(node));
        } catch (IOException | RuntimeException e) {
            return new PeriodRights(Map.of(), node.toString(), true);
        }
    }

    private static PeriodRights parse(JsonNode node, String json) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("periods is not an object");
        }
        Map<String, OpenPeriod> byScope = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> byScope.put(e.getKey(), period(e.getValue())));
        return byScope.isEmpty() ? NONE : new PeriodRights(Collections.unmodifiableMap(byScope), json, false);
    }

    private static OpenPeriod period(JsonNode p) {
        if (p.has("years")) {
            TreeSet<Integer> years = new TreeSet<>();
            for (JsonNode y : p.get("years")) {
                if (!y.canConvertToInt()) {
                    throw new IllegalArgumentException("year " + y);
                }
                years.add(y.asInt());
            }
            return new OpenPeriod(Collections.unmodifiableSortedSet(years), null, null);
        }
        LocalDate from = date(p.get("from"));
        LocalDate to = date(p.get("to"));
        if (from == null && to == null) {
            throw new IllegalArgumentException("period without years, from or to");
        }
        return new OpenPeriod(null, from, to);
    }

    private static LocalDate date(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
