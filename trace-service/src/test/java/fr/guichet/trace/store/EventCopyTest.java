package fr.guichet.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.common.trace.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rows {@link EventCopy} hands to {@code COPY ... FROM STDIN} (PostgreSQL's text format). */
class EventCopyTest {

    private static final UUID ID = UUID.fromString("0190d0a4-0000-7000-8000-000000000001");
    private static final Instant TS = Instant.parse("2026-12-01T05:00:00.123456Z");

    private static TraceEvent event(String userAgent, String reason) {
        return new TraceEvent(ID, TS, TraceEvent.Kind.API_CALL, "req-1", "jti-1", null, "13002526500013",
                "entreprise", "GET", "unites_legales_insee", "/v3/insee/sirene/unites_legales/130025265", null,
                "203.0.113.7", userAgent, 200, null, "insee", 12L, null, null, reason);
    }

    private static String encoded(TraceEvent e) {
        return new String(EventCopy.encode(List.of(new StoredEvent(e, "130025265", null, null)), 7, ev -> "{}"),
                StandardCharsets.UTF_8);
    }

    @Test
    void plainValuesGoAsTheyAreNullsAsBackslashN() {
        assertEquals(ID + "\t" + TS + "\tAPI_CALL\treq-1\tjti-1\t\\N\t13002526500013\tentreprise\tGET\tunites_legales_insee\t"
                + "/v3/insee/sirene/unites_legales/130025265\t\\N\t203.0.113.7\tcurl/8.0\t200\t\\N\tinsee\t12\t\\N\t\\N\t\\N\t"
                + "130025265\t\\N\t\\N\t7\n", encoded(event("curl/8.0", null)));
    }

    @Test
    void backslashTabCarriageReturnAndLineFeedAreEscapedWhereverTheyStand() {
        String row = encoded(event("a\\b\tc", "\r\nraison été\\"));
        String[] columns = row.split("\t", -1);
        assertEquals("a\\\\b\\tc", columns[13]);
        assertEquals("\\r\\nraison été\\\\", columns[20]);
        assertEquals(25, columns.length, row);
        assertEquals("7\n", columns[24]);
    }
}
