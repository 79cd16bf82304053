package fr.guichet.trace.query.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Search criteria of the auditors' and partners' queries, rendered as a WHERE clause for either
 * client: JDBC ({@code ?}) or the reactive client ({@code $n}).
 */
public record TraceFilter(String organisation, String token, String siren, String siret, String recipient,
                          Integer status, String operation, Instant from, Instant to, String kind) {

    public TraceFilter(String organisation, String token, String siren, String siret, String recipient,
                       Integer status, String operation, Instant from, Instant to) {
        this(organisation, token, siren, siret, recipient, status, operation, from, to, null);
    }

    /** Only API calls (a partner's requests), not admin actions. */
    public TraceFilter apiCallsOnly() {
        return new TraceFilter(organisation, token, siren, siret, recipient, status, operation, from, to, "API_CALL");
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
