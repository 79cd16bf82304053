package fr.guichet.registers.inpi.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.registers.RegistersOperations;
import fr.guichet.registers.inpi.client.InpiClient;
import fr.guichet.registers.inpi.mapping.BeneficiairesEffectifs;
import fr.guichet.registers.upstream.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Production mode of INPI's bénéficiaires effectifs ({@link InpiClient}, {@link BeneficiairesEffectifs}). */
@ApplicationScoped
public class BeneficiairesEffectifsHandler implements OperationHandler {

    private final InpiClient client;
    private final ObjectMapper json;

    public BeneficiairesEffectifsHandler(InpiClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(RegistersOperations.INPI_RNE_BENEFICIAIRES_EFFECTIFS);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return Json.ok(json, BeneficiairesEffectifs.body(client.company(call.identifier())));
    }
}
