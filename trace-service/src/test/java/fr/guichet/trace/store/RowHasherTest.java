package fr.guichet.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.guichet.common.trace.TraceEvent;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The canonical row hash is part of every stored chain link: the same row must hash to the same
 * bytes forever, or chains stored before a change would no longer verify.
 */
class RowHasherTest {

    private static StoredEvent row(Map<String, String> parameters, String reason) {
        TraceEvent e = new TraceEvent(UUID.fromString("0190d0a4-0000-7000-8000-000000000001"),
                Instant.parse("2026-12-01T05:00:00.123456Z"), TraceEvent.Kind.API_CALL, "req-1", "jti-1", null,
                "13002526500013", "entreprise", "GET", "unites_legales_insee",
                "/v3/insee/sirene/unites_legales/130025265", parameters, "203.0.113.7", "curl/8.0", 200, null,
                "insee", 12L, null, null, reason);
        return new StoredEvent(e, "130025265", null, "13002526500013");
    }

    @Test
    void aRowHashesToTheBytesItAlwaysHashedTo() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("recipient", "13002526500013");
        parameters.put("context", "Aide à l'été");
        parameters.put("object", "dossier 42");
        assertEquals("d6b56eb0ae4d3a9c0b72748dce6eb56b76eb73830b34d1930fc57a29411cfad8", HexFormat.of().formatHex(RowHasher.hash(row(parameters, null))));
        assertEquals("0e89f953c478a125da2d73fcbc8b00aad9ea94daffa13176aae9d71e4174ac9c", HexFormat.of().formatHex(RowHasher.hash(row(null, "motif"))));
    }

    @Test
    void oneHasherReusedOverRowsGivesEachRowItsOwnHash() {
        // The expected values come from the canonical layout computed apart from this class; a
        // lone surrogate is encoded as '?', as Java's UTF-8 encoder does.
        Map<String, String> large = new LinkedHashMap<>();
        large.put("context", "x".repeat(5_000));
        large.put("object", "dossier \uD83D\uDE00 n°7, surrogate seul \uD800 fin");
        Map<String, String> pinned = new LinkedHashMap<>();
        pinned.put("recipient", "13002526500013");
        pinned.put("context", "Aide à l'été");
        pinned.put("object", "dossier 42");
        RowHasher reused = new RowHasher();
        assertEquals("0e89f953c478a125da2d73fcbc8b00aad9ea94daffa13176aae9d71e4174ac9c", hex(reused.hashRow(row(null, "motif"))));
        assertEquals("3d71d0c7d028375646f92dfd8b4d6f276ff54acef6017c5ca71c1383bac59c89", hex(reused.hashRow(row(large, null))));
        assertEquals("6897ca203c4c9bc2518645b1860f9e7f675995e7883058fe48e2294541e25779", hex(reused.hashRow(row(null, "été"))));
        assertEquals("7231ebe02c6293a9fbc8ec8a5e17883778a9d3d66e292582dbcf09e322122bec", hex(reused.hashRow(row(large, "motif"))));
        assertEquals("d6b56eb0ae4d3a9c0b72748dce6eb56b76eb73830b34d1930fc57a29411cfad8", hex(reused.hashRow(row(pinned, null))));
        assertEquals(hex(RowHasher.hash(row(large, "motif"))), hex(reused.hashRow(row(large, "motif"))));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void aNullAndAnEmptyValueHashApart() {
        assertNotEquals(HexFormat.of().formatHex(RowHasher.hash(row(null, null))),
                HexFormat.of().formatHex(RowHasher.hash(row(null, ""))));
    }
}
