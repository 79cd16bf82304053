package fr.guichet.certifications.qualibat.rest;

import fr.guichet.certifications.answer.DocumentAnswers;
import fr.guichet.certifications.qualibat.client.QualibatClient;
import fr.guichet.certifications.upstream.CertificationUpstream;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Production mode of {@code api_entreprise_v3_qualibat_certifications_batiment}: in v3, Qualibat's
 * PDF certificate stored for the gateway's {@code /proxy/files} ({@code document_url},
 * {@code expires_in}). The v4 answer adds facts API Entreprise reads inside the PDF (dates,
 * insurances, certifications); Guichet does not read them yet, so v4 answers 502 06999 in
 * production mode rather than a document without them.
 */
@ApplicationScoped
public class CertificationBatimentHandler implements OperationHandler {

    private static final Logger LOG = Logger.getLogger(CertificationBatimentHandler.class);

    private final QualibatClient client;
    private final DocumentAnswers documents;

    public CertificationBatimentHandler(QualibatClient client, DocumentAnswers documents) {
        this.client = client;
        this.documents = documents;
    }

    @Override
    public Set<String> operations() {
        return Set.of("api_entreprise_v3_qualibat_certifications_batiment");
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        if (!"v3".equals(call.version())) {
            LOG.warnf("%s: the facts of Qualibat's PDF are not extracted; answered 502", call.operationId());
            throw CertificationUpstream.QUALIBAT.unknownAnswer();
        }
        return documents.stored(client.certificate(call.identifier()));
    }
}
