package fr.guichet.social.cibtp.rest;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.social.cibtp.client.CibtpClient;
import fr.guichet.social.config.SocialConfig;
import fr.guichet.social.document.DocumentAnswers;
import fr.guichet.social.error.UpstreamErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * CIBTP's certificate (congés payés, chômage intempéries) in production mode, its statuses read as
 * the reference implementation does: 200 the PDF (stored ten minutes by default), 404 unknown or
 * not connected establishment (404 {@code 38003}), 422 contributions not paid (404 {@code 38422}),
 * 500 and 409 CIBTP's failure (502 {@code 38000}), anything else 502 {@code 38999}.
 */
@ApplicationScoped
public class CibtpHandler implements OperationHandler {

    static final String ATTESTATION = "api_entreprise_v3_cibtp_attestation_cotisations_conges_payes_chomage_intemperies";
    private static final Logger LOG = Logger.getLogger(CibtpHandler.class);

    private final CibtpClient client;
    private final DocumentAnswers documents;
    private final SocialConfig config;

    public CibtpHandler(CibtpClient client, DocumentAnswers documents, SocialConfig config) {
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
        UpstreamResponse response = client.attestation(operation, call.variable("siret"));
        return switch (response.status()) {
            case 200 -> documents.pdf(operation, response.body(), config.cibtp().documentTtl());
            case 404 -> throw UpstreamErrors.notFound(operation);
            case 422 -> throw missingPayments(operation);
            case 409, 500 -> throw UpstreamErrors.internalError(operation);
            default -> {
                LOG.errorf("CIBTP: unforeseen HTTP %d", response.status());
                throw UpstreamErrors.unknownAnswer(operation);
            }
        };
    }

    /** 404 {@code 38422}: the reference implementation's own CIBTP error (not in errors.yml). */
    static ApiException missingPayments(OperationDeclaration operation) {
        return new ApiException(404, new ApiError(operation.errorPrefix().code("422"), "Attestation non disponible",
                "L'attestation ne peut être délivrée car l'entreprise n'est pas en règle de ses cotisations CIBTP.",
                null, Map.of("provider", operation.providerName())));
    }
}
