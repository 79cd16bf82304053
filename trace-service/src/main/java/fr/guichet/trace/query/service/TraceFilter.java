package fr.guichet.trace.query.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Search criteria of the auditors' and partners' queries, rendered as a WHERE clause for either
 * client: JDBC ({@code ?}) or the reactive client ({@code $n}).
 */
public record TraceFilter(String organisation, String token, String siren, String siret, String recipient,
                          Integer status, String operation, Instant from, Instant to, String kind, Cursor before) {

    /** Keyset position for newest-first pages: rows strictly older than (timestamp, id). */
    public record Cursor(Instant timestamp, java.util.UUID id) {

        public static Cursor parse(String value) {
            int bar = value.indexOf('_');
            if (bar < 0) {
                throw new IllegalArgumentException(value);
            }
            return new Cursor(Instant.parse(value.substring(0, bar)), java.util.UUID.fromString(value.substring(bar + 1)));
        }

        @Override
        public String toString() {
            return timestamp + "_" + id;
        }
    }

    public TraceFilter(String organisation, String token, String siren, String siret, String recipient,
                       Integer status, String operation, Instant from, Instant to) {
        this(organisation, token, siren, siret, recipient, status, operation, from, to, null, null);
    }

    /** Only API calls (a partner's requests), not admin actions. */
    public TraceFilter apiCallsOnly() {
        return new TraceFilter(organisation, token, siren, siret, recipient, status, operation, from, to, "API_CALL", before);
    }

    public TraceFilter before(Cursor cursor) {
        return new TraceFilter(organisation, token, siren, siret, recipient, status, operation, from, to, kind, cursor);
    }

    public boolean hasSubject() {
        return organisation != null || token != null || siren != null || siret != null || recipient != null;
    }

    /** WHERE clause; fills {@code args} in placeholder order. */
    public String where(List<Object> args, boolean numbered) {
        List<String> clauses = new ArrayList<>();
        add(clauses, args, numbered, "partner_siret = ", organisation);
        add(clauses, args, numbered, "token_jti = ", token);
        add(clauses, args, numbered, "siren = ", siren);
        add(clauses, args, numbered, "siret = ", siret);
        add(clauses, args, numbered, "recipient = ", recipient);
        add(clauses, args, numbered, "status = ", status);
        add(clauses, args, numbered, "operation_id = ", operation);
        add(clauses, args, numbered, "kind = ", kind);
        add(clauses, args, numbered, "ts >= ", from == null ? null : java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
        add(clauses, args, numbered, "ts < ", to == null ? null : java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
        if (before != null) {
            args.add(java.time.OffsetDateTime.ofInstant(before.timestamp(), java.time.ZoneOffset.UTC));
            String ts = numbered ? "$" + args.size() : "?";
            args.add(before.id());
            clauses.add("(ts, id) < (" + ts + ", " + (numbered ? "$" + args.size() : "?") + ")");
        }
        return clauses.isEmpty() ? "true" : String.join(" and ", clauses);
    }

    private static void add(List<String> clauses, List<Object> args, boolean numbered, String expr, Object value) {
        if (value == null) {
            return;
        }
        args.add(value);
        clauses.add(expr + (numbered ? "$" + args.size() : "?"));
    }
}
