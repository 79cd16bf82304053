package fr.guichet.registers.rnm.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.registers.RegistersOperations;
import fr.guichet.registers.rnm.client.RnmClient;
import fr.guichet.registers.rnm.mapping.EntrepriseArtisanale;
import fr.guichet.registers.upstream.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Production mode of CMA France's entreprises artisanales ({@link RnmClient}, {@link EntrepriseArtisanale}). */
@ApplicationScoped
public class RnmHandler implements OperationHandler {

    private final RnmClient client;
    private final ObjectMapper json;

    public RnmHandler(RnmClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(RegistersOperations.RNM_ENTREPRISES_ARTISANALES);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return Json.ok(json, EntrepriseArtisanale.body(client.entreprise(call.identifier())));
    }
}
