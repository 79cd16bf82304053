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
    void aNullAndAnEmptyValueHashApart() {
        assertNotEquals(HexFormat.of().formatHex(RowHasher.hash(row(null, null))),
                HexFormat.of().formatHex(RowHasher.hash(row(null, ""))));
    }
}
