package fr.guichet.dgfip.attestation.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text of the sample DGFIP attestations, read with PDFBox. */
class AttestationPdfTest {

    @Test
    void deliveredAttestationGivesItsDeliveryDateAndAnalysedPeriod() throws Exception {
        AttestationPdf.Content content = AttestationPdf.read(pdf("upstream/pdfs/basic.pdf"));
        assertTrue(content.delivered());
        assertEquals(Optional.of(LocalDate.of(2022, 1, 20)), content.deliveryDate());
        assertEquals(Optional.of(LocalDate.of(2021, 12, 31)), content.analysedPeriod());
    }

    @Test
    void refusalPageIsNotAnAttestation() throws Exception {
        AttestationPdf.Content content = AttestationPdf.read(pdf("upstream/pdfs/not_delivered.pdf"));
        assertFalse(content.delivered());
        assertTrue(content.deliveryDate().isEmpty());
    }

    @Test
    void analysedPeriodIsTheLastDayOfThePreviousMonth() {
        assertEquals(LocalDate.of(2023, 3, 31), AttestationPdf.analysedPeriodFor(LocalDate.of(2023, 4, 11)));
        assertEquals(LocalDate.of(2024, 2, 29), AttestationPdf.analysedPeriodFor(LocalDate.of(2024, 3, 1)));
    }

    @Test
    void onlyPdfBytesLookLikePdf() throws Exception {
        assertTrue(AttestationPdf.looksLikePdf(pdf("upstream/pdfs/basic.pdf")));
        assertFalse(AttestationPdf.looksLikePdf("<html>".getBytes()));
    }

    private static byte[] pdf(String path) throws Exception {
        try (InputStream in = AttestationPdfTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
