package fr.guichet.certifications.qualibat.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.guichet.certifications.qualibat.mapping.QualibatCertificate.Certification;
import fr.guichet.certifications.qualibat.mapping.QualibatCertificate.Extraction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** The rules of API Entreprise's Qualibat extractor the recorded certificate does not exercise. */
class QualibatCertificateTest {

    @Test
    void aCertificateOfAnotherLayoutIsNotReadAndSaysWhich() throws IOException {
        Extraction read = QualibatCertificate.read(pdf(List.of(List.of("CERTIFICAT QUALIBAT", "TRAITEMENT DE L'AMIANTE",
                "Code Qualification(s) Date d'attribution", "1552 Traitement de l'amiante 3 01/02/2023"))));
        assertEquals("amiante_pdf_not_supported", read.extractorError());
        assertEquals(List.of(), read.certifications());
        assertNull(read.dateEmission());
    }

    @Test
    void aPdfWithoutCertificatePageIsAnInvalidFile() throws IOException {
        assertEquals("invalid_file", QualibatCertificate.read(pdf(List.of(List.of("ATTESTATION", "rien d'autre"))))
                .extractorError());
        assertEquals("invalid_file", QualibatCertificate.read("%PDF-1.4 tronqué".getBytes()).extractorError());
    }

    @Test
    void aQualificationReadAgainOnAnRgePageIsRgeOnce() throws IOException {
        Extraction read = QualibatCertificate.read(pdf(List.of(
                List.of("CERTIFICAT QUALIBAT", "EDITE LE 01/01/2023", "Date d'attribution",
                        "7131 Isolation thermique par l'interieur 2 03/03/2022", "5111 Plomberie 2 04/04/2021"),
                List.of("CERTIFICAT QUALIBAT RGE", "Date d'attribution",
                        "7131 Isolation thermique par l'interieur 2 05/05/2022"))));
        assertNull(read.extractorError());
        assertEquals(List.of(new Certification("5111", "Plomberie", false, "2021-04-04"),
                new Certification("7131", "Isolation thermique par l'interieur", true, "2022-05-05")), read.certifications());
    }

    /** A PDF of {@code pages}, each a list of lines top to bottom. */
    private static byte[] pdf(List<List<String>> pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = 750;
                    for (String line : lines) {
                        content.beginText();
                        content.setFont(font, 10);
                        content.newLineAtOffset(50, y);
                        content.showText(line);
                        content.endText();
                        y -= 20;
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
