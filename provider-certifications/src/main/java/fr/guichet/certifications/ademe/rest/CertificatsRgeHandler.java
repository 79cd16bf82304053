package fr.guichet.certifications.ademe.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.certifications.ademe.client.AdemeClient;
import fr.guichet.certifications.ademe.mapping.CertificatsRge;
import fr.guichet.certifications.answer.Answers;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Production mode of {@code api_entreprise_v3_ademe_certificats_rge}: ADEME's RGE history, mapped. */
@ApplicationScoped
public class CertificatsRgeHandler implements OperationHandler {

    static final String OPERATION = "api_entreprise_v3_ademe_certificats_rge";

    private final AdemeClient client;
    private final ObjectMapper json;

    public CertificatsRgeHandler(AdemeClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(OPERATION);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return Answers.ok(json, CertificatsRge.from(client.certificates(call.identifier())));
    }
}
