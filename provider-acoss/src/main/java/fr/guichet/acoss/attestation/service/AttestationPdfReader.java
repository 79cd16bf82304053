package fr.guichet.acoss.attestation.service;

import fr.guichet.acoss.error.Errors;
import fr.guichet.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads an URSSAF attestation de vigilance with PDFBox: its security code (15 capitals or digits
 * under "CODE DE SÉCURITÉ") and the date from which the entity is certified up to date, stated in
 * the paragraph "ATTESTATION DE L'UNION DE RECOUVREMENT" ("à la date du 31/12/2022" for employers,
 * "au 31/12/2022" for micro-entrepreneurs), or "Valable du ..." on URSSAF's test specimens.
 * Anything else is refused with a 502 04055, never a 500.
 */
@ApplicationScoped
public class AttestationPdfReader {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final Pattern SECURITY_CODE = Pattern.compile("CODE DE S[ÉE]CURIT[ÉE]\\s+([A-Z0-9]{15})(?![A-Z0-9])");
    private static final String CERTIFICATION_HEADING = "ATTESTATION DE L'UNION DE RECOUVREMENT";
    private static final Pattern CERTIFIED_DATE = Pattern.compile("(?:à la date du|\\bau)\\s+(\\d{2}/\\d{2}/\\d{4})");
    private static final Pattern SPECIMEN_VALIDITY = Pattern.compile("Valable du\\s+(\\d{2}/\\d{2}/\\d{4})");
    private static final int MAX_PAGES = 20;

    public AttestationFacts read(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw Errors.invalidFile("04056", "Le fichier renvoyé par le fournisseur de données est vide");
        }
        if (!new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw notExpectedFormat("le fichier renvoyé par l'URSSAF n'est pas un PDF.");
        }
        if (!endsWithEofMarker(pdf)) {
            // PDFBox would leniently recover part of a cut file: refuse it rather than hand it out.
            throw notExpectedFormat("le PDF renvoyé par l'URSSAF est tronqué (marqueur de fin %%EOF absent).");
        }
        String text = text(pdf);
        String flat = text.replaceAll("\\s+", " ");
        if (!flat.toUpperCase(Locale.ROOT).contains("URSSAF") || !flat.toUpperCase(Locale.ROOT).contains("ATTESTATION")) {
            throw notExpectedFormat("le PDF renvoyé par l'URSSAF n'est pas une attestation de vigilance.");
        }
        LocalDate start = certifiedDate(flat);
        if (start == null) {
            throw notExpectedFormat("la date de début de validité est introuvable dans l'attestation de vigilance.");
        }
        Matcher code = SECURITY_CODE.matcher(flat);
        return new AttestationFacts(start, code.find() ? code.group(1) : null);
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() == 0 || document.getNumberOfPages() > MAX_PAGES) {
                throw notExpectedFormat("le PDF renvoyé par l'URSSAF n'a pas le nombre de pages d'une attestation.");
            }
            return new PDFTextStripper().getText(document);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            // PDFBox gives up on truncated or corrupted files: the document is unusable, say so.
            throw notExpectedFormat("le PDF renvoyé par l'URSSAF est illisible ou tronqué.");
        }
    }

    private static boolean endsWithEofMarker(byte[] pdf) {
        int from = Math.max(0, pdf.length - 1024);
        return new String(pdf, from, pdf.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    private static LocalDate certifiedDate(String flat) {
        int heading = flat.indexOf(CERTIFICATION_HEADING);
        if (heading >= 0) {
            Matcher m = CERTIFIED_DATE.matcher(flat);
            if (m.find(heading)) {
                return parse(m.group(1));
            }
            return null;
        }
        Matcher specimen = SPECIMEN_VALIDITY.matcher(flat);
        return specimen.find() ? parse(specimen.group(1)) : null;
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date, FRENCH_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ApiException notExpectedFormat(String detail) {
        return Errors.invalidFile("04055", "Le fichier n'est pas au format attendu : " + detail);
    }
}
