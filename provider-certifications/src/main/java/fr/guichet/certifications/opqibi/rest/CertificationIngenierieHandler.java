package fr.guichet.certifications.opqibi.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.certifications.opqibi.client.OpqibiClient;
import fr.guichet.certifications.opqibi.mapping.CertificationIngenierie;
import fr.guichet.certifications.answer.Answers;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Production mode of {@code api_entreprise_v3_opqibi_certifications_ingenierie}: OPQIBI's certificate, mapped. */
@ApplicationScoped
public class CertificationIngenierieHandler implements OperationHandler {

    private final OpqibiClient client;
    private final ObjectMapper json;

    public CertificationIngenierieHandler(OpqibiClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of("api_entreprise_v3_opqibi_certifications_ingenierie");
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return Answers.ok(json, CertificationIngenierie.from(client.certificate(call.identifier())));
    }
}
