package fr.guichet.certifications.qualibat.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.certifications.answer.Answers;
import fr.guichet.certifications.answer.DocumentAnswers;
import fr.guichet.certifications.qualibat.client.QualibatClient;
import fr.guichet.certifications.qualibat.mapping.CertificationBatimentV4;
import fr.guichet.certifications.qualibat.mapping.QualibatCertificate;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Production mode of {@code api_entreprise_v3_qualibat_certifications_batiment}: Qualibat's PDF
 * certificate stored for the gateway's {@code /proxy/files}. v3 answers its link
 * ({@code document_url}, {@code expires_in}); v4 ({@code api_entreprise_v4_qualibat_certifications_batiment},
 * same declaration) adds the facts read inside the PDF ({@link QualibatCertificate}) and
 * {@code meta.extractor_error}, as API Entreprise's {@code BuildResource} does: a certificate
 * that cannot be read is still a 200, without facts.
 */
@ApplicationScoped
public class CertificationBatimentHandler implements OperationHandler {

    private static final Logger LOG = Logger.getLogger(CertificationBatimentHandler.class);

    private final QualibatClient client;
    private final DocumentAnswers documents;
    private final ObjectMapper json;

    public CertificationBatimentHandler(QualibatClient client, DocumentAnswers documents, ObjectMapper json) {
        this.client = client;
        this.documents = documents;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of("api_entreprise_v3_qualibat_certifications_batiment");
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        byte[] pdf = client.certificate(call.identifier());
        if ("v3".equals(call.version())) {
            return documents.stored(pdf);
        }
        QualibatCertificate.Extraction read = QualibatCertificate.read(pdf);
        if (read.extractorError() != null) {
            LOG.infof("%s: Qualibat's certificate not read (%s); answered without its facts", call.operationId(),
                    read.extractorError());
        }
        return Answers.ok(json, CertificationBatimentV4.of(documents.store(pdf), read));
    }
}
