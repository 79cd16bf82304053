package fr.guichet.acoss.attestation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.acoss.AcossOperations;
import fr.guichet.acoss.attestation.service.AttestationService;
import fr.guichet.acoss.common.Answer;
import fr.guichet.acoss.common.Identifiers;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * URSSAF's attestation de vigilance, v3 and v4, bound to the declaration of
 * {@code guichet/operations/acoss.yml} (paths, versions). It also answers sandbox mode: the
 * sandbox checks {@code recipient} like production and stores the specimen PDF behind
 * {@code document_url}.
 */
@ApplicationScoped
public class AttestationHandler implements OperationHandler {

    private final AttestationService service;
    private final Identifiers identifiers;
    private final ObjectMapper json;

    public AttestationHandler(AttestationService service, Identifiers identifiers, ObjectMapper json) {
        this.service = service;
        this.identifiers = identifiers;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(AcossOperations.ATTESTATION_VIGILANCE_V3);
    }

    @Override
    public boolean answersSandbox() {
        return true;
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        String siren = call.variable("siren");
        String recipient = call.queryParameter("recipient");
        identifiers.siren(siren);
        identifiers.recipient(recipient);
        Answer answer = "v4".equals(call.version()) ? service.v4(siren, recipient) : service.v3(siren, recipient);
        return answer.toProviderAnswer(json);
    }
}
