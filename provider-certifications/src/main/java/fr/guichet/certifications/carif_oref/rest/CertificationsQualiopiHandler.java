package fr.guichet.certifications.carif_oref.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.certifications.carif_oref.client.QuiformeClient;
import fr.guichet.certifications.carif_oref.mapping.CertificationsQualiopi;
import fr.guichet.certifications.answer.Answers;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Production mode of {@code api_entreprise_v3_carif_oref_certifications_qualiopi_france_competences}: Quiforme's record, mapped. */
@ApplicationScoped
public class CertificationsQualiopiHandler implements OperationHandler {

    private final QuiformeClient client;
    private final ObjectMapper json;

    public CertificationsQualiopiHandler(QuiformeClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of("api_entreprise_v3_carif_oref_certifications_qualiopi_france_competences");
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return Answers.ok(json, CertificationsQualiopi.from(client.organisme(call.identifier())));
    }
}
