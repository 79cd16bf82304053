package fr.guichet.trace.store;

import fr.guichet.common.trace.TraceEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A trace event as stored: timestamp at PostgreSQL's microsecond precision, plus the identifiers
 * pulled out of its path and parameters for auditors' searches.
 */
public record StoredEvent(TraceEvent event, String siren, String siret, String recipient) {

    private static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern SIRET = Pattern.compile("\\d{14}");

    /** Normalises an incoming event to what the database will hold. */
    public static StoredEvent of(TraceEvent e) {
        TraceEvent event = withTimestamp(e, e.timestamp().truncatedTo(ChronoUnit.MICROS));
        Map<String, String> p = e.parameters() == null ? Map.of() : e.parameters();
        String siret = p.get("siret");
        String siren = p.get("siren");
        if (e.path() != null) {
            for (String segment : e.path().split("/")) {
                if (siret == null && SIRET.matcher(segment).matches()) {
                    siret = segment;
                } else if (siren == null && SIREN.matcher(segment).matches()) {
                    siren = segment;
                }
            }
        }
        if (siren == null && siret != null && siret.length() >= 9) {
            siren = siret.substring(0, 9);
        }
        return new StoredEvent(event, siren, siret, p.get("recipient"));
    }

    public Instant timestamp() {
        return event.timestamp();
    }

    static TraceEvent withTimestamp(TraceEvent e, Instant ts) {
        return new TraceEvent(e.id(), ts, e.kind(), e.requestId(), e.tokenJti(), e.habilitationId(),
                e.partnerSiret(), e.apiKind(), e.method(), e.operationId(), e.path(), e.parameters(),
                e.clientIp(), e.userAgent(), e.status(), e.errorCode(), e.provider(), e.latencyMs(),
                e.actor(), e.action(), e.reason());
    }
}
