package fr.guichet.dgfip.ensu.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiException;
import fr.guichet.dgfip.ensu.service.EnsuModel.Content;
import fr.guichet.dgfip.ensu.service.EnsuModel.Document;
import fr.guichet.dgfip.ensu.service.EnsuModel.DocumentKey;
import fr.guichet.dgfip.ensu.service.EnsuModel.IdentifierKind;
import fr.guichet.dgfip.ensu.service.EnsuModel.Listing;
import fr.guichet.dgfip.ensu.service.EnsuModel.Usager;
import fr.guichet.dgfip.ensu.service.EnsuFamily;
import fr.guichet.dgfip.ensu.service.EnsuSource;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.dgfip.client.DgfipClient;
import fr.guichet.dgfip.client.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DGFIP's ENSU DOCUMENTS API, per the upstream contract of docs/ensu-documents.md:
 * {@code GET /documents?siren|idsp&famille[&codeDocument]} and {@code GET /documents/{type}/{identifiant}}.
 */
@ApplicationScoped
public class DgfipEnsuSource implements EnsuSource {

    private final DgfipClient client;
    private final ObjectMapper json;

    public DgfipEnsuSource(DgfipClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Optional<Listing> list(IdentifierKind kind, String identifier, EnsuFamily family,
                                  Optional<String> codeDocument) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(kind.parameter(), identifier);
        query.put("famille", family.upstreamCode());
        codeDocument.ifPresent(c -> query.put("codeDocument", c));
        JsonNode root;
        try {
            root = read(client.ensu("/documents", query));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        Usager usager = usager(root.path("usager"));
        List<Document> documents = new ArrayList<>();
        for (JsonNode d : root.path("documents")) {
            Document document = document(d);
            // DGFIP filters already; a document of another family must never leave under this family's scope.
            if (document.famille() == family) {
                documents.add(document);
            }
        }
        return Optional.of(new Listing(usager, documents));
    }

    @Override
    public Optional<Content> fetch(DocumentKey key, String identifier) {
        JsonNode root;
        try {
            root = read(client.ensu("/documents/" + key.segment() + "/" + identifier, Map.of()));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        byte[] pdf;
        try {
            pdf = Base64.getDecoder().decode(root.path("contenu").asText("").replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw DgfipErrors.invalidFile("03051", "Erreur lors du décodage : la chaîne de caractères en base64 est invalide");
        }
        if (pdf.length == 0) {
            throw DgfipErrors.invalidFile("03056", "Le fichier renvoyé par le fournisseur de données est vide");
        }
        return Optional.of(new Content(usager(root.path("usager")), document(root.path("document")), pdf));
    }

    private JsonNode read(UpstreamResponse response) {
        try {
            JsonNode root = json.readTree(response.body());
            if (!root.isObject()) {
                throw DgfipErrors.unknown(DgfipErrors.ENSU, "Réponse ENSU inattendue.");
            }
            return root;
        } catch (IOException e) {
            throw DgfipErrors.unknown(DgfipErrors.ENSU, "Réponse ENSU illisible (JSON invalide).");
        }
    }

    private static Usager usager(JsonNode u) {
        return new Usager(text(u, "siren"), text(u, "idsp"), text(u, "denomination"));
    }

    private static Document document(JsonNode d) {
        EnsuFamily family = EnsuFamily.fromUpstream(d.path("famille").asText())
                .orElseThrow(() -> DgfipErrors.unknown(DgfipErrors.ENSU,
                        "Famille de document ENSU inconnue : " + d.path("famille").asText()));
        return new Document(text(d, "idEnsua"), text(d, "docDistrib"), text(d, "docCfs"), text(d, "codeDocument"),
                text(d, "libelle"), family, date(d, "dateProduction"), date(d, "periodeDebut"), date(d, "periodeFin"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null || v.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(v.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw DgfipErrors.unknown(DgfipErrors.ENSU, "Date ENSU illisible : " + v);
        }
    }
}
