package fr.guichet.certifications.qualibat.mapping;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The facts API Entreprise's v4 answer reads inside Qualibat's PDF certificate (its
 * {@code QUALIBATCertificationsBatimentExtractor}), read from the text PDFBox lays out line by line
 * in reading order: the issue date ("ÉDITÉ LE"), the end of validity ("VALABLE JUSQU'AU"), the
 * two insurances (the line under their label: the insurer, then its policy number as the last
 * word), and the qualifications listed under "Date d'attribution" (code, label as printed, RGE
 * when the page's title says so, date of attribution).
 *
 * <p>As API Entreprise does, a certificate it cannot read is not an error: the answer holds no
 * fact and says why in {@link Extraction#extractorError()}: {@code <kind>_pdf_not_supported} for
 * the certificates of another layout (asbestos, air permeability...), {@code invalid_file} when
 * no page is titled "CERTIFICAT QUALIBAT" or the PDF cannot be read.
 */
public final class QualibatCertificate {

    /** The certificates API Entreprise does not read: their layout lists no qualification table. */
    private static final Map<String, String> NOT_SUPPORTED = Map.of(
            "amiante", "TRAITEMENT DE L'AMIANTE",
            "permeabilite_air", "MESURES DE LA PERMÉABILITE A L'AIR",
            "metallerie_feu", "MÉTALLERIE FEU",
            "reseaux_aerauliques", "RÉSEAUX AÉRAULIQUES",
            "traitement_bois", "TRAITEMENT DES BOIS",
            "cordistes", "CORDISTES",
            "verification_mesures_systemes_ventilation", "VÉRIFICATIONS ET MESURES DES SYSTÈMES DE VENTILATION");

    private static final List<String> ISSUED = List.of("ÉDITÉ LE", "Edité le");
    private static final List<String> VALID_UNTIL = List.of("VALABLE JUSQU'AU", "Valable du", "Validité du");
    private static final String WORKS_INSURANCE = "Assurance Responsabilité Travaux";
    private static final String CIVIL_INSURANCE = "Assurance Responsabilité Civile";

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final Pattern TITLE = Pattern.compile("CERTIFICAT\\s+QUALIBAT", Pattern.CASE_INSENSITIVE);
    private static final Pattern RGE_TITLE = Pattern.compile("CERTIFICAT\\s+QUALIBAT.*RGE");
    /** A qualification row: code (2 to 4 digits), label, optional head count, date of attribution. */
    private static final Pattern QUALIFICATION = Pattern.compile(
            "^(\\d{2,4})\\s+(.+?)(?:\\s+\\d+)?\\s+(\\d{2}/\\d{2}/\\d{4})(?:\\s.*)?$");
    /**
     * The labels of the right-hand column the layout may put at the end of an insurance line
     * (recorded: "MUTUELLE ... 3CHOQ-5000593-A Site Internet :").
     */
    private static final Pattern RIGHT_COLUMN_LABEL = Pattern.compile(
            "\\s+(Site Internet|E-mail|Portable|Téléphone|Fax|Responsabilité légale|Raison sociale)\\s*:.*$");

    private QualibatCertificate() {
    }

    /** An insurance as printed: the insurer and the policy number, both null when not read. */
    public record Insurance(String nom, String identifiant) {
        static final Insurance NONE = new Insurance(null, null);
    }

    /** A qualification: its code, its label as printed, RGE or not, its date of attribution (ISO). */
    public record Certification(String code, String libelle, boolean rge, String dateAttribution) {
    }

    /**
     * What was read: dates ISO ({@code yyyy-MM-dd}) or null; {@code extractorError} null when the
     * certificate was read, otherwise why nothing was (every fact then empty).
     */
    public record Extraction(String dateEmission, String dateFinValidite, Insurance travaux, Insurance civile,
                             List<Certification> certifications, String extractorError) {

        static Extraction failed(String why) {
            return new Extraction(null, null, Insurance.NONE, Insurance.NONE, List.of(), why);
        }
    }

    /** Reads {@code pdf}; never throws: an unreadable certificate is an {@link Extraction} with its error. */
    public static Extraction read(byte[] pdf) {
        List<List<String>> pages;
        try {
            pages = pages(pdf);
        } catch (IOException e) {
            return Extraction.failed("invalid_file");
        }
        if (pages.isEmpty()) {
            return Extraction.failed("invalid_file");
        }
        String firstPage = String.join("\n", pages.get(0));
        for (Map.Entry<String, String> kind : NOT_SUPPORTED.entrySet()) {
            if (firstPage.contains(kind.getValue())) {
                return Extraction.failed(kind.getKey() + "_pdf_not_supported");
            }
        }
        List<List<String>> certificatePages = pages.stream()
                .filter(lines -> lines.stream().limit(6).anyMatch(line -> TITLE.matcher(line).find()))
                .toList();
        if (certificatePages.isEmpty()) {
            return Extraction.failed("invalid_file");
        }
        List<String> first = pages.get(0);
        return new Extraction(date(first, ISSUED), date(first, VALID_UNTIL), insurance(first, WORKS_INSURANCE),
                insurance(first, CIVIL_INSURANCE), certifications(certificatePages), null);
    }

    private static List<List<String>> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<List<String>> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                // In reading order, a label and its value on one line, as API Entreprise's reader lays them out.
                stripper.setSortByPosition(true);
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(Arrays.stream(stripper.getText(document).split("\\R"))
                        .map(String::strip).filter(line -> !line.isEmpty()).toList());
            }
            return pages;
        }
    }

    /** The date ending the first line holding one of {@code labels}, tried in order. */
    private static String date(List<String> lines, List<String> labels) {
        for (String label : labels) {
            Optional<String> line = lines.stream().filter(l -> l.contains(label)).findFirst();
            if (line.isPresent()) {
                String[] words = line.get().split("\\s+");
                return isoDate(words[words.length - 1]);
            }
        }
        return null;
    }

    private static String isoDate(String french) {
        try {
            return LocalDate.parse(french, FRENCH_DATE).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The insurance printed on one of the two lines under {@code label} (API Entreprise looks at
     * two): the insurer is every word but the last, the policy number the last word.
     */
    private static Insurance insurance(List<String> lines, String label) {
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(label)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return Insurance.NONE;
        }
        for (int i = at + 1; i <= at + 2 && i < lines.size(); i++) {
            String value = RIGHT_COLUMN_LABEL.matcher(lines.get(i)).replaceFirst("").strip();
            if (value.endsWith(":")) {
                continue; // another label: no insurance on this line
            }
            int lastSpace = value.lastIndexOf(' ');
            if (lastSpace > 0) {
                return new Insurance(value.substring(0, lastSpace).strip(), value.substring(lastSpace + 1));
            }
        }
        return Insurance.NONE;
    }

    /**
     * The qualification rows after the "Date d'attribution" header of each certificate page; a
     * code read again on an RGE page replaces its non-RGE reading (API Entreprise's rule).
     */
    private static List<Certification> certifications(List<List<String>> pages) {
        List<Certification> certifications = new ArrayList<>();
        for (List<String> lines : pages) {
            boolean rge = lines.stream().anyMatch(line -> RGE_TITLE.matcher(line).find());
            boolean inTable = false;
            for (String line : lines) {
                if (!inTable) {
                    inTable = line.contains("d'attribution") || line.contains("d’attribution");
                    continue;
                }
                Matcher row = QUALIFICATION.matcher(line);
                if (!row.matches()) {
                    continue;
                }
                String date = isoDate(row.group(3));
                if (date == null) {
                    continue;
                }
                Certification certification = new Certification(row.group(1), row.group(2).strip(), rge, date);
                certifications.removeIf(other -> other.code().equals(certification.code()) && !other.rge());
                certifications.add(certification);
            }
        }
        return List.copyOf(certifications);
    }
}
