package fr.guichet.dgfip.attestation.mapping;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads an attestation de régularité fiscale PDF: whether it was delivered and its delivery date.
 * The analysed period is the last day of the month before delivery (BOI-DJC-ARF-20220209).
 */
public final class AttestationPdf {

    private static final Pattern DELIVERY = Pattern.compile(
            "Date\\s+de\\s+d[ée]livrance\\s*:\\s*(?:le\\s+)?(\\d{2}/\\d{2}/\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_DELIVERED = Pattern.compile(
            "Impossible\\s+de\\s+d[ée]livrer", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What the PDF says. {@code delivered} is false for DGFIP's "Impossible de délivrer" page. */
    public record Content(boolean delivered, Optional<LocalDate> deliveryDate) {

        public Optional<LocalDate> analysedPeriod() {
            return deliveryDate.map(AttestationPdf::analysedPeriodFor);
        }
    }

    private AttestationPdf() {
    }

    public static boolean looksLikePdf(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F';
    }

    public static Content read(byte[] pdf) throws IOException {
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        if (NOT_DELIVERED.matcher(text).find()) {
            return new Content(false, Optional.empty());
        }
        Matcher m = DELIVERY.matcher(text);
        Optional<LocalDate> date = m.find() ? Optional.of(LocalDate.parse(m.group(1), FRENCH_DATE)) : Optional.empty();
        return new Content(true, date);
    }

    public static LocalDate analysedPeriodFor(LocalDate delivery) {
        return delivery.minusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
    }
}
