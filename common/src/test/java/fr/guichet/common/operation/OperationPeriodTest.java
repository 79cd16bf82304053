package fr.guichet.common.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperationPeriodTest {

    final OperationDeclarations all = OperationDeclarations.standard();

    private OperationPeriod period(String path) {
        return all.resolve(path).orElseThrow().declaration().period();
    }

    @Test
    void theOperationsWithAPeriodDeclareWhereItLies() {
        OperationPeriod list = period("/v3/dgfip/ensu/declaratives/unites_legales/990000002/documents");
        assertEquals(OperationPeriod.Kind.DOCUMENT_LIST, list.kind());
        assertEquals("/periode/debut", list.start());
        assertEquals("/periode/fin", list.end());
        assertEquals(OperationPeriod.Kind.DOCUMENT_LIST, period("/v3/dgfip/ensu/creances/usagers/SP000000000042/documents").kind());
        OperationPeriod one = period("/v3/dgfip/ensu/declaratives/documents/idensua/ENSUA000000000000001");
        assertEquals(OperationPeriod.Kind.DOCUMENT, one.kind());
        assertTrue(one.inAnswer());
        OperationPeriod liasses = period("/v3/dgfip/unites_legales/418166096/liasses_fiscales/2022");
        assertEquals(OperationPeriod.Kind.YEAR, liasses.kind());
        assertEquals("year", liasses.parameter());
        OperationPeriod monthly = period("/v3/gip_mds/etablissements/41816609600069/effectifs_mensuels/03/annee/2024");
        assertEquals(OperationPeriod.Kind.MONTH, monthly.kind());
        assertEquals("year", monthly.yearParameter());
        OperationPeriod turnover = period("/v3/dgfip/etablissements/41816609600069/chiffres_affaires");
        assertNull(turnover.start());
        assertEquals("/date_fin_exercice", turnover.end());
        assertNull(period("/v3/insee/sirene/unites_legales/418166096"), "an operation without period declares none");
    }

    @Test
    void anIncompleteDeclarationIsRefusedAtLoad() {
        assertThrows(IllegalStateException.class, () -> OperationPeriod.of("x", "week", "w", null, null, null));
        assertThrows(IllegalStateException.class, () -> OperationPeriod.of("x", "year", null, null, null, null));
        assertThrows(IllegalStateException.class, () -> OperationPeriod.of("x", "month", "month", null, null, null));
        assertThrows(IllegalStateException.class, () -> OperationPeriod.of("x", "document", null, null, null, "fin"));
        assertEquals(OperationPeriod.Kind.DATE, OperationPeriod.of("x", "date", "date", null, null, null).kind());
    }
}
