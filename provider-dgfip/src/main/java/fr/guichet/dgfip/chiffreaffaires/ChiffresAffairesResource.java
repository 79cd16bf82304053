package fr.guichet.dgfip.chiffreaffaires;

import static fr.guichet.dgfip.DgfipOperations.CHIFFRES_AFFAIRES_V3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.dgfip.maintenance.MaintenanceWindow;
import fr.guichet.dgfip.sandbox.SandboxAnswers;
import fr.guichet.dgfip.support.Bodies;
import fr.guichet.dgfip.support.Params;
import fr.guichet.dgfip.upstream.DgfipClient;
import fr.guichet.dgfip.upstream.UpstreamResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Chiffres d'affaires of the last fiscal years declared for an établissement. */
@Path("/v3/dgfip/etablissements/{siret}/chiffres_affaires")
@Produces(MediaType.APPLICATION_JSON)
public class ChiffresAffairesResource {

    static final String UPSTREAM_PATH = "/chiffres-affaires";

    private final ProviderConfig provider;
    private final MaintenanceWindow maintenance;
    private final SandboxAnswers sandbox;
    private final DgfipClient client;
    private final ObjectMapper json;

    public ChiffresAffairesResource(ProviderConfig provider, MaintenanceWindow maintenance, SandboxAnswers sandbox,
                                    DgfipClient client, ObjectMapper json) {
        this.provider = provider;
        this.maintenance = maintenance;
        this.sandbox = sandbox;
        this.client = client;
        this.json = json;
    }

    /** {@code year} is not part of the API Entreprise contract; the sandbox uses it to pick a case. */
    @GET
    @Operation(operationId = CHIFFRES_AFFAIRES_V3, summary = "Chiffres d'affaires")
    public Response get(@PathParam("siret") String siret, @QueryParam("year") String year) {
        maintenance.check(DgfipErrors.ADELIE);
        Params.siret(siret);
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            Map<String, String> params = new HashMap<>();
            params.put("siret", siret);
            if (year != null && !year.isBlank()) {
                params.put("year", year);
            }
            return sandbox.answer(CHIFFRES_AFFAIRES_V3, params);
        }
        UpstreamResponse response = client.entreprise(UPSTREAM_PATH, Map.of("siret", siret));
        return Bodies.ok(toBody(response.body()));
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
