package fr.guichet.dgfip.chiffreaffaires.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.dgfip.client.DgfipClient;
import fr.guichet.dgfip.client.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/** Chiffres d'affaires of the last fiscal years declared for an établissement, from DGFIP (production). */
@ApplicationScoped
public class ChiffresAffairesService {

    static final String UPSTREAM_PATH = "/chiffres-affaires";

    private final DgfipClient client;
    private final ObjectMapper json;

    public ChiffresAffairesService(DgfipClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** The API Entreprise body of {@code siret}'s chiffres d'affaires. */
    public ObjectNode chiffresAffaires(String siret) {
        UpstreamResponse response = client.entreprise(UPSTREAM_PATH, Map.of("siret", siret));
        return toBody(response.body());
    }

    /** {@code {"liste_ca":[{"ca":"648374448","dateFinExercice":"2016-12-31T00:00:00+01:00"}]}} → API Entreprise. */
    ObjectNode toBody(byte[] upstream) {
        JsonNode root;
        try {
            root = json.readTree(upstream);
        } catch (IOException e) {
            throw DgfipErrors.unknown(DgfipErrors.ADELIE, "Réponse de la DGFIP illisible (JSON invalide).");
        }
        JsonNode list = root.path("liste_ca");
        if (!list.isArray()) {
            throw DgfipErrors.unknown(DgfipErrors.ADELIE, "Réponse de la DGFIP sans liste de chiffres d'affaires.");
        }
        if (list.isEmpty()) {
            throw DgfipErrors.notFound(DgfipErrors.ADELIE);
        }
        ArrayNode items = json.createArrayNode();
        for (JsonNode ca : list) {
            ObjectNode data = json.createObjectNode();
            try {
                data.put("chiffre_affaires", new BigDecimal(ca.path("ca").asText().strip()));
            } catch (NumberFormatException e) {
                throw DgfipErrors.unknown(DgfipErrors.ADELIE, "Chiffre d'affaires illisible dans la réponse de la DGFIP.");
            }
            String end = ca.path("dateFinExercice").asText("");
            data.put("date_fin_exercice", end.length() >= 10 ? end.substring(0, 10) : end);
            ObjectNode item = json.createObjectNode();
            item.set("data", data);
            item.set("links", json.createObjectNode());
            item.set("meta", json.createObjectNode());
            items.add(item);
        }
        ObjectNode body = json.createObjectNode();
        body.set("data", items);
        body.set("links", json.createObjectNode());
        body.set("meta", json.createObjectNode());
        return body;
    }
}
