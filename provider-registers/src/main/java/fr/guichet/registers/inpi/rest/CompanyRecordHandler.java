package fr.guichet.registers.inpi.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.registers.RegistersOperations;
import fr.guichet.registers.inpi.client.InpiClient;
import fr.guichet.registers.inpi.mapping.BeneficiairesEffectifs;
import fr.guichet.registers.inpi.mapping.ExtraitRne;
import fr.guichet.registers.upstream.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Production mode of the two operations read from INPI's company record ({@link InpiClient#company},
 * one call and one error mapping): the bénéficiaires effectifs ({@link BeneficiairesEffectifs}) and
 * the extrait RNE ({@link ExtraitRne}).
 */
@ApplicationScoped
public class CompanyRecordHandler implements OperationHandler {

    private final InpiClient client;
    private final ObjectMapper json;

    public CompanyRecordHandler(InpiClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(RegistersOperations.INPI_RNE_BENEFICIAIRES_EFFECTIFS, RegistersOperations.INPI_RNE_EXTRAIT);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        var company = client.company(call.identifier());
        return Json.ok(json, RegistersOperations.INPI_RNE_EXTRAIT.equals(call.operationId())
                ? ExtraitRne.body(company) : BeneficiairesEffectifs.body(company));
    }
}
