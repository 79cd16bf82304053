package fr.guichet.social.cnetp.rest;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.social.cnetp.client.CnetpClient;
import fr.guichet.social.config.SocialConfig;
import fr.guichet.social.document.DocumentAnswers;
import fr.guichet.social.error.UpstreamErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * CNETP's certificate (congés payés, chômage intempéries) in production mode, its statuses read as
 * the reference implementation does: 200 the PDF (stored one day by default), 404 unknown company
 * (404 {@code 08003}), 401 CNETP closed (503 {@code 08020}), anything else 502 {@code 08999}.
 */
@ApplicationScoped
public class CnetpHandler implements OperationHandler {

    static final String ATTESTATION = "api_entreprise_v3_cnetp_attestation_cotisations_conges_payes_chomage_intemperies";
    private static final Logger LOG = Logger.getLogger(CnetpHandler.class);

    private final CnetpClient client;
    private final DocumentAnswers documents;
    private final SocialConfig config;

    public CnetpHandler(CnetpClient client, DocumentAnswers documents, SocialConfig config) {
        this.client = client;
        this.documents = documents;
        this.config = config;
    }

    @Override
    public Set<String> operations() {
        return Set.of(ATTESTATION);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        OperationDeclaration operation = call.declaration();
        UpstreamResponse response = client.attestation(operation, call.variable("siren"));
        return switch (response.status()) {
            case 200 -> documents.pdf(operation, response.body(), config.cnetp().documentTtl());
            case 404 -> throw UpstreamErrors.notFound(operation);
            case 401 -> throw UpstreamErrors.failure(operation, 503, "020");
            default -> {
                LOG.errorf("CNETP: unforeseen HTTP %d", response.status());
                throw UpstreamErrors.unknownAnswer(operation);
            }
        };
    }
}
