package fr.guichet.trace.store;

import fr.guichet.common.trace.TraceEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A trace event as stored: timestamp at PostgreSQL's microsecond precision, plus the identifiers
 * pulled out of its path and parameters for auditors' searches.
 */
public record StoredEvent(TraceEvent event, String siren, String siret, String recipient) {

    /** Normalises an incoming event to what the database will hold. */
    public static StoredEvent of(TraceEvent e) {
        TraceEvent event = withTimestamp(e, e.timestamp().truncatedTo(ChronoUnit.MICROS));
        Map<String, String> p = e.parameters() == null ? Map.of() : e.parameters();
        String siret = p.get("siret");
        String siren = p.get("siren");
        String path = e.path();
        if (path != null) {
            // Segments of 14 then 9 ASCII digits, found without a regular expression: matchers
            // and split arrays were a sixth of what ingestion allocated (docs/benchmarks.md).
            int start = 0;
            while (start <= path.length()) {
                int end = path.indexOf('/', start);
                if (end < 0) {
                    end = path.length();
                }
                int length = end - start;
                if (siret == null && length == 14 && digits(path, start, end)) {
                    siret = path.substring(start, end);
                } else if (siren == null && length == 9 && digits(path, start, end)) {
                    siren = path.substring(start, end);
                }
                start = end + 1;
            }
        }
        if (siren == null && siret != null && siret.length() >= 9) {
            siren = siret.substring(0, 9);
        }
        return new StoredEvent(event, siren, siret, p.get("recipient"));
    }

    /** Whether {@code s[from, to)} is ASCII digits only (what {@code \d} matches). */
    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
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
