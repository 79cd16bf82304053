package fr.guichet.acoss.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.acoss.attestation.service.AttestationFacts;
import fr.guichet.acoss.attestation.service.AttestationPdfReader;
import fr.guichet.acoss.support.RecordedExchanges;
import fr.guichet.common.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The v4 facts of the four sample attestations, read once by hand from each PDF's text and written
 * down here: security code under "CODE DE SÉCURITÉ", start of validity in the paragraph
 * "ATTESTATION DE L'UNION DE RECOUVREMENT" (or "Valable du" on the specimen), end = start + 6 months,
 * end of month.
 */
class AttestationPdfReaderTest {

    private final AttestationPdfReader reader = new AttestationPdfReader();

    @Test
    void employerAttestation() {
        // Musée du Louvre, SIREN 180046237: "... à la date du 31/12/2022", code 8TFYQDUKZVQ5BIA.
        AttestationFacts facts = reader.read(resource("pdfs/urssaf_basic.pdf"));
        assertEquals("8TFYQDUKZVQ5BIA", facts.codeSecurite());
        assertEquals(LocalDate.of(2022, 12, 31), facts.dateDebutValidite());
        assertEquals(LocalDate.of(2023, 6, 30), facts.dateFinValidite());
    }

    @Test
    void microEntrepreneurAttestation() {
        // SIREN 834367989: "... (CSG/CRDS et, le cas échéant, ... - CFP) au 31/12/2022", code KCT3ZDTCBLMHIEK.
        AttestationFacts facts = reader.read(resource("pdfs/urssaf_micro_entreprise_liberal.pdf"));
        assertEquals("KCT3ZDTCBLMHIEK", facts.codeSecurite());
        assertEquals(LocalDate.of(2022, 12, 31), facts.dateDebutValidite());
        assertEquals(LocalDate.of(2023, 6, 30), facts.dateFinValidite());
    }

    @Test
    void attestationOfTheRecordedUrssafExchange() {
        // The base64 body URSSAF answered for SIREN 511101651 (identity blanked): same security code
        // and "à la date du 31/12/2022".
        byte[] pdf = Base64.getDecoder().decode(RecordedExchanges
                .load("upstream/acoss/with_valid_siren.yml", Map.of()).get(1).responseBody());
        AttestationFacts facts = reader.read(pdf);
        assertEquals("8TFYQDUKZVQ5BIA", facts.codeSecurite());
        assertEquals(LocalDate.of(2022, 12, 31), facts.dateDebutValidite());
        assertEquals(LocalDate.of(2023, 6, 30), facts.dateFinValidite());
    }

    @Test
    void sandboxSpecimen() {
        // "ATTESTATION DE VIGILANCE ... Valable du 01/01/2024 au 30/06/2024", no security code.
        AttestationFacts facts = reader.read(
                resource("sandbox/payloads/api_entreprise_v4_acoss_attestations_sociales/attestation_vigilance_test.pdf"));
        assertNull(facts.codeSecurite());
        assertEquals(LocalDate.of(2024, 1, 1), facts.dateDebutValidite());
        assertEquals(LocalDate.of(2024, 7, 31), facts.dateFinValidite());
    }

    @Test
    void endOfValidityIsSixMonthsLaterAtTheEndOfTheMonth() {
        // The OpenAPI's own example: 03/12/2022 -> 30/06/2023.
        assertEquals(LocalDate.of(2023, 6, 30), new AttestationFacts(LocalDate.of(2022, 12, 3), null).dateFinValidite());
        assertEquals(LocalDate.of(2024, 2, 29), new AttestationFacts(LocalDate.of(2023, 8, 31), null).dateFinValidite());
    }

    @Test
    void aPdfThatIsNotAnAttestationIsRefusedWith04055() {
        ApiException e = assertThrows(ApiException.class, () -> reader.read(resource("pdfs/dgfip_attestation_fiscale.pdf")));
        assertInvalidFile(e, "04055", "n'est pas une attestation de vigilance");
    }

    @Test
    void aTruncatedAttestationIsRefusedWith04055() {
        byte[] pdf = resource("pdfs/urssaf_basic.pdf");
        ApiException e = assertThrows(ApiException.class, () -> reader.read(Arrays.copyOf(pdf, pdf.length / 3)));
        assertEquals("04055", e.errors().get(0).code());
        assertEquals(502, e.status());
    }

    @Test
    void somethingElseThanAPdfIsRefusedWith04055() {
        ApiException e = assertThrows(ApiException.class,
                () -> reader.read("<html><body>Service indisponible</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertInvalidFile(e, "04055", "n'est pas un PDF");
    }

    @Test
    void anEmptyFileIsRefusedWith04056() {
        ApiException e = assertThrows(ApiException.class, () -> reader.read(new byte[0]));
        assertInvalidFile(e, "04056", "vide");
    }

    private static void assertInvalidFile(ApiException e, String code, String detailPart) {
        assertEquals(502, e.status());
        assertEquals(code, e.errors().get(0).code());
        assertEquals("Fichier renvoyé par le fournisseur de données non valide", e.errors().get(0).title());
        assertTrue(e.errors().get(0).detail().contains(detailPart), e.errors().get(0).detail());
        assertEquals("ACOSS", e.errors().get(0).meta().get("provider"));
    }

    private static byte[] resource(String path) {
        try (InputStream in = AttestationPdfReaderTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
