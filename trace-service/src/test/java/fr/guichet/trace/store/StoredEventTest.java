package fr.guichet.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.guichet.common.trace.TraceEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SIREN, SIRET and recipient an auditor searches by, pulled out of an event's path and parameters. */
class StoredEventTest {

    private static StoredEvent of(String path, Map<String, String> parameters) {
        return StoredEvent.of(new TraceEvent(UUID.randomUUID(), Instant.parse("2026-12-01T05:00:00.123456789Z"),
                TraceEvent.Kind.API_CALL, "req-1", "jti-1", null, "13002526500013", "entreprise", "GET", "op", path,
                parameters, "203.0.113.7", "curl/8.0", 200, null, "insee", 12L, null, null, null));
    }

    @Test
    void aSiretInThePathGivesItsSirenToo() {
        StoredEvent e = of("/v3/insee/sirene/etablissements/41816609600069", Map.of("recipient", "13002526500013"));
        assertEquals("41816609600069", e.siret());
        assertEquals("418166096", e.siren());
        assertEquals("13002526500013", e.recipient());
    }

    @Test
    void aSirenInThePathIsTakenAsIs() {
        StoredEvent e = of("/v4/urssaf/unites_legales/418166096/attestation_vigilance", Map.of());
        assertEquals("418166096", e.siren());
        assertNull(e.siret());
    }

    @Test
    void theFirstSegmentOfEachLengthWinsAndTheLastSegmentCounts() {
        StoredEvent e = of("/v3/x/418166096/41816609600069/552100554/55210055400013", Map.of());
        assertEquals("41816609600069", e.siret());
        assertEquals("418166096", e.siren());
        assertEquals("418166096", of("/v3/x/418166096", Map.of()).siren());
    }

    @Test
    void onlySegmentsOfExactlyThatManyAsciiDigitsCount() {
        // ten digits, eight digits, a letter, Arabic-Indic digits, a digit run inside a segment
        StoredEvent e = of("/v3/x/4181660960/41816609/41816609a/\u0664\u0661\u0668\u0661\u0666\u0666\u0660\u0669\u0666/id418166096", Map.of());
        assertNull(e.siren());
        assertNull(e.siret());
        assertNull(of(null, null).siren());
        assertNull(of("", Map.of()).siret());
    }

    @Test
    void parametersComeBeforeThePath() {
        StoredEvent e = of("/v3/x/41816609600069", Map.of("siren", "552100554"));
        assertEquals("552100554", e.siren());
        assertEquals("41816609600069", e.siret());
    }

    @Test
    void theTimestampIsKeptToTheMicrosecond() {
        assertEquals(Instant.parse("2026-12-01T05:00:00.123456Z"), of("/", Map.of()).timestamp());
    }
}
