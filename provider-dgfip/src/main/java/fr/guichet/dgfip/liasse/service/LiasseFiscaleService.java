package fr.guichet.dgfip.liasse.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.dgfip.client.DgfipClient;
import fr.guichet.dgfip.client.UpstreamResponse;
import fr.guichet.dgfip.liasse.mapping.LiasseFiscaleMapper;
import fr.guichet.dgfip.liasse.mapping.LiensCapitalistiquesMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;

/** Liasses fiscales and liens capitalistiques of a legal unit for a fiscal year, from one DGFIP call (production). */
@ApplicationScoped
public class LiasseFiscaleService {

    static final String UPSTREAM_PATH = "/liasses-fiscales";

    private final DgfipClient client;
    private final LiasseFiscaleMapper liasses;
    private final LiensCapitalistiquesMapper liens;
    private final ObjectMapper json;

    public LiasseFiscaleService(DgfipClient client, LiasseFiscaleMapper liasses, LiensCapitalistiquesMapper liens,
                                ObjectMapper json) {
        this.client = client;
        this.liasses = liasses;
        this.liens = liens;
        this.json = json;
    }

    /** The API Entreprise body of the liasses fiscales of {@code siren} for {@code year}. */
    public JsonNode liassesFiscales(String siren, int year) {
        return liasses.toBody(fetch(siren, year));
    }

    /** The API Entreprise body of the liens capitalistiques of {@code siren} for {@code year}. */
    public JsonNode liensCapitalistiques(String siren, int year) {
        return liens.toBody(fetch(siren, year));
    }

    private JsonNode fetch(String siren, int year) {
        UpstreamResponse response = client.entreprise(UPSTREAM_PATH, Map.of("siren", siren, "annee", String.valueOf(year)));
        try {
            JsonNode root = json.readTree(response.body());
            if (!root.isObject() || !root.has("entreprise")) {
                throw DgfipErrors.unknown(DgfipErrors.ADELIE, "Réponse de la DGFIP sans entreprise.");
            }
            return root;
        } catch (IOException e) {
            throw DgfipErrors.unknown(DgfipErrors.ADELIE, "Réponse de la DGFIP illisible (JSON invalide).");
        }
    }
}
