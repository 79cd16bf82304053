package fr.guichet.portal.demarche.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV export: a header, one line a call, fields quoted when needed and never run as formulas. */
class RequestsCsvTest {

    @Test
    void oneLinePerCallAfterTheHeader() {
        String csv = RequestsCsv.of(List.of(
                new RequestRow(Instant.parse("2026-11-30T09:00:00Z"), "insee_unites_legales", "/v3/insee/sirene/unites_legales/1",
                        200, null, 42L, "req-1"),
                new RequestRow(Instant.parse("2026-11-30T09:01:00Z"), null, "/v3/x", 401, "00101", null, "req-2")));
        assertEquals(RequestsCsv.HEADER + "\r\n"
                + "2026-11-30T09:00:00Z,insee_unites_legales,/v3/insee/sirene/unites_legales/1,200,,42,req-1\r\n"
                + "2026-11-30T09:01:00Z,,/v3/x,401,00101,,req-2\r\n", csv);
    }

    @Test
    void fieldsAreQuotedAndFormulasDisarmed() {
        assertEquals("\"a,b\"", RequestsCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", RequestsCsv.field("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", RequestsCsv.field("=HYPERLINK(1)"));
        assertEquals("", RequestsCsv.field(null));
    }
}
