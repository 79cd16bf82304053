package fr.guichet.education.cnous.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.operation.OperationCall;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * v4's {@code campaignYear}: the reference's {@code CNOUS::ValidateCampaignYear} (four digits,
 * from 2021 to the year before the current one), with the current year fixed by the clock.
 */
class CampaignYearTest {

    private final EtudiantBoursierHandler handler = new EtudiantBoursierHandler(null,
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneId.of("Europe/Paris")));

    private Optional<Integer> read(String value) {
        return handler.campaignYear(new OperationCall(null, value == null ? Map.of() : Map.of("campaignYear", List.of(value)), null));
    }

    @Test
    void fromTheFirstCampaignToLastYear() {
        assertEquals(Optional.of(2021), read("2021"));
        assertEquals(Optional.of(2025), read("2025"));
        assertEquals(Optional.empty(), read(null));
        assertEquals(Optional.empty(), read(""));
    }

    @Test
    void anythingElseIs422With00368() {
        for (String bad : new String[] {"2020", "2026", "25", "2O24", "02024"}) {
            ApiException e = assertThrows(ApiException.class, () -> read(bad), bad);
            assertEquals(422, e.status());
            assertEquals("00368", e.errors().get(0).code());
            assertEquals("campaignYear", e.errors().get(0).source().get("parameter"));
        }
    }
}
