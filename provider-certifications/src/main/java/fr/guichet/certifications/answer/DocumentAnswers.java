package fr.guichet.certifications.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.certifications.config.CertificationsConfig;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.providerkit.document.DocumentStore.StoredDocument;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The answer of a document operation in production mode: the upstream's file stored for the
 * gateway's {@code /proxy/files} for {@code guichet.certifications.document-ttl}, then API
 * Entreprise's document answer ({@link Answers#document}).
 */
@ApplicationScoped
public class DocumentAnswers {

    private final DocumentStore documents;
    private final CertificationsConfig config;
    private final ObjectMapper json;

    public DocumentAnswers(DocumentStore documents, CertificationsConfig config, ObjectMapper json) {
        this.documents = documents;
        this.config = config;
        this.json = json;
    }

    /**
     * Stores {@code content} and answers its link.
     *
     * @throws fr.guichet.common.error.ApiException 503 00502 when Redis cannot keep it
     */
    public ProviderAnswer stored(byte[] content) {
        return Answers.document(json, store(content));
    }

    /**
     * Stores {@code content} for {@code guichet.certifications.document-ttl}, for answers that
     * hold more than the link.
     *
     * @throws fr.guichet.common.error.ApiException 503 00502 when Redis cannot keep it
     */
    public StoredDocument store(byte[] content) {
        return documents.store(content, config.documentTtl());
    }
}
