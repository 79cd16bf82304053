package fr.guichet.dgfip.ensu.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.dgfip.ensu.service.EnsuModel.Content;
import fr.guichet.dgfip.ensu.service.EnsuModel.Document;
import fr.guichet.dgfip.ensu.service.EnsuModel.DocumentKey;
import fr.guichet.dgfip.ensu.service.EnsuModel.IdentifierKind;
import fr.guichet.dgfip.ensu.service.EnsuModel.Listing;
import fr.guichet.dgfip.ensu.service.EnsuModel.Usager;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jboss.logging.Logger;

/**
 * The ENSU sandbox: fictitious users and documents ({@code sandbox/ensu/sandbox.json}); each
 * document's PDF is drawn on demand with PDFBox and says it is fictitious.
 */
@ApplicationScoped
public class SandboxEnsuSource implements EnsuSource {

    private static final Logger LOG = Logger.getLogger(SandboxEnsuSource.class);
    static final String RESOURCE = "sandbox/ensu/sandbox.json";

    private final List<Usager> usagers = new ArrayList<>();
    private final Map<Document, Usager> owners = new java.util.LinkedHashMap<>();

    public SandboxEnsuSource(ObjectMapper json) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Jeu de données ENSU absent : " + RESOURCE);
            }
            JsonNode root = json.readTree(in);
            for (JsonNode u : root.path("usagers")) {
                usagers.add(new Usager(text(u, "siren"), text(u, "idsp"), text(u, "denomination")));
            }
            Map<String, Usager> byId = usagers.stream().collect(Collectors.toMap(
                    u -> u.siren() != null ? u.siren() : u.idsp(), Function.identity()));
            for (JsonNode d : root.path("documents")) {
                Usager owner = byId.get(d.path("usager").asText());
                EnsuFamily family = EnsuFamily.fromSlug(d.path("famille").asText())
                        .orElseThrow(() -> new IllegalStateException("Famille inconnue : " + d));
                owners.put(new Document(text(d, "idensua"), text(d, "docdistrib"), text(d, "doccfs"),
                        text(d, "code_document"), text(d, "libelle"), family, date(d, "date_production"),
                        date(d, "periode_debut"), date(d, "periode_fin")), owner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("Sandbox ENSU : %d usagers, %d documents", usagers.size(), owners.size());
    }

    @Override
    public Optional<Listing> list(IdentifierKind kind, String identifier, EnsuFamily family,
                                  Optional<String> codeDocument) {
        return usagers.stream()
                .filter(u -> identifier.equals(kind == IdentifierKind.SIREN ? u.siren() : u.idsp()))
                .findFirst()
                .map(u -> new Listing(u, owners.entrySet().stream()
                        .filter(e -> e.getValue().equals(u))
                        .map(Map.Entry::getKey)
                        .filter(d -> d.famille() == family)
                        .filter(d -> codeDocument.map(c -> c.equalsIgnoreCase(d.codeDocument())).orElse(true))
                        .toList()));
    }

    @Override
    public Optional<Content> fetch(DocumentKey key, String identifier) {
        return owners.entrySet().stream()
                .filter(e -> identifier.equals(e.getKey().key(key)))
                .findFirst()
                .map(e -> new Content(e.getValue(), e.getKey(), pdf(e.getValue(), e.getKey())));
    }

    /** A one-page PDF describing the fictitious document. */
    static byte[] pdf(Usager usager, Document document) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.newLineAtOffset(60, 770);
                text.setFont(bold, 14);
                text.showText("DIRECTION GENERALE DES FINANCES PUBLIQUES - DOCUMENT FICTIF");
                text.setFont(regular, 11);
                text.setLeading(18);
                for (String line : List.of(
                        "",
                        document.libelle() + " (" + document.codeDocument() + ")",
                        "Famille : " + document.famille().label(),
                        "Usager : " + usager.denomination(),
                        usager.siren() != null ? "SIREN : " + usager.siren() : "IDSP : " + usager.idsp(),
                        "Période : du " + document.periodeDebut() + " au " + document.periodeFin(),
                        "Date de production : " + document.dateProduction(),
                        "IDENSUA : " + document.idensua() + "   DOCDISTRIB : " + document.docdistrib()
                                + "   DOCCFS : " + document.doccfs(),
                        "",
                        "Document de la sandbox Guichet : aucune valeur juridique.")) {
                    text.newLine();
                    text.showText(line);
                }
                text.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : LocalDate.parse(v);
    }
}
