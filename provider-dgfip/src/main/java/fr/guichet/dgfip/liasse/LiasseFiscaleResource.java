package fr.guichet.dgfip.liasse;

import static fr.guichet.dgfip.DgfipOperations.LIASSES_FISCALES_V3;
import static fr.guichet.dgfip.DgfipOperations.LIENS_CAPITALISTIQUES_V3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Liasses fiscales and liens capitalistiques of a legal unit for a fiscal year (one DGFIP call). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LiasseFiscaleResource {

    static final String UPSTREAM_PATH = "/liasses-fiscales";

    private final ProviderConfig provider;
    private final MaintenanceWindow maintenance;
    private final SandboxAnswers sandbox;
    private final DgfipClient client;
    private final LiasseFiscaleMapper liasses;
    private final LiensCapitalistiquesMapper liens;
    private final ObjectMapper json;
    private final Clock clock;

    public LiasseFiscaleResource(ProviderConfig provider, MaintenanceWindow maintenance, SandboxAnswers sandbox,
                                 DgfipClient client, LiasseFiscaleMapper liasses, LiensCapitalistiquesMapper liens,
                                 ObjectMapper json, Clock clock) {
        this.provider = provider;
        this.maintenance = maintenance;
        this.sandbox = sandbox;
        this.client = client;
        this.liasses = liasses;
        this.liens = liens;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Path("v3/dgfip/unites_legales/{siren}/liasses_fiscales/{year}")
    @Operation(operationId = LIASSES_FISCALES_V3, summary = "Liasses fiscales d'une année")
    public Response liassesFiscales(@PathParam("siren") String siren, @PathParam("year") String year) {
        maintenance.check(DgfipErrors.ADELIE);
        Params.siren(siren);
        int annee = Params.year(year, clock);
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox.answer(LIASSES_FISCALES_V3, Map.of("siren", siren, "year", year));
        }
        return Bodies.ok(liasses.toBody(fetch(siren, annee)));
    }

    @GET
    @Path("v3/dgfip/unites_legales/{siren}/liens_capitalistiques/{year}")
    @Operation(operationId = LIENS_CAPITALISTIQUES_V3, summary = "Liens capitalistiques d'une année")
    public Response liensCapitalistiques(@PathParam("siren") String siren, @PathParam("year") String year) {
        maintenance.check(DgfipErrors.ADELIE);
        Params.siren(siren);
        int annee = Params.year(year, clock);
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox.answer(LIENS_CAPITALISTIQUES_V3, Map.of("siren", siren, "year", year));
        }
        return Bodies.ok(liens.toBody(fetch(siren, annee)));
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
