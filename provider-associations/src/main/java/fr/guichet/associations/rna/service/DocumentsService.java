package fr.guichet.associations.rna.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.associations.config.AssociationsConfig;
import fr.guichet.associations.rna.client.RnaClient;
import fr.guichet.associations.rna.mapping.RnaRecord;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.providerkit.document.DocumentStore.StoredDocument;
import fr.guichet.providerkit.error.ProviderErrors;
import fr.guichet.providerkit.error.UpstreamErrors;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * An association's RNA documents ({@code <documents><document_rna>} of the ministry's record),
 * read as API Entreprise does (MI::Associations::Documents): the same record call as the
 * association data, then 404 {@code 21003} when the ministry's proxy says 404 or the record has
 * no {@code <documents>} or {@code nbDocRna} is not positive; 502 {@code 21001} when the answer
 * holds no {@code <asso>}; 502 {@code 21999} for any other answer that is not a 200 with an
 * {@code id_correspondance}. Each document is fetched from the ministry and stored in the kit's
 * {@link DocumentStore} (served by the gateway's {@code /proxy/files}), at most
 * {@code documents-max-count} per call and {@code documents-max-bytes} each; a document that is
 * not stored keeps its entry with a null URL and a French error, counted in
 * {@code nombre_documents_deficients}.
 */
@ApplicationScoped
public class DocumentsService {

    private static final Logger LOG = Logger.getLogger(DocumentsService.class);
    /** Where the ministry's records sometimes point (API Entreprise's DocumentUrlHelper rewrites it). */
    private static final String INTERNAL_BASE = "http://localhost:8181/services/";

    private final AssociationService associations;
    private final RnaClient client;
    private final DocumentStore store;
    private final AssociationsConfig config;
    private final ObjectMapper json;

    public DocumentsService(AssociationService associations, RnaClient client, DocumentStore store,
                            AssociationsConfig config, ObjectMapper json) {
        this.associations = associations;
        this.client = client;
        this.store = store;
        this.config = config;
        this.json = json;
    }

    /** The API Entreprise v3 collection body for a SIRET or an RNA number. */
    public String documents(String siretOrRna) {
        AssociationService.Lookup lookup = associations.lookup(siretOrRna);
        RnaRecord record = lookup.record()
                .orElseThrow(() -> UpstreamErrors.unavailable(AssociationService.PREFIX, AssociationService.PROVIDER));
        boolean valid = record.has("identite") && record.text("identite", "id_correspondance") != null;
        if (AssociationService.notFoundInBody(record) || !hasDocuments(record)) {
            throw ProviderErrors.notFound(AssociationService.PREFIX, AssociationService.PROVIDER);
        }
        if (lookup.answer().status() != 200 || !valid) {
            throw UpstreamErrors.unknownAnswer(AssociationService.PREFIX, AssociationService.PROVIDER);
        }
        List<RnaRecord> documents = record.all("document_rna", "documents");
        ArrayNode data = json.createArrayNode();
        int deficient = 0;
        for (int i = 0; i < documents.size(); i++) {
            RnaRecord document = documents.get(i);
            ObjectNode item = json.createObjectNode();
            item.put("timestamp", document.text("time"));
            item.put("type", document.text("lib_sous_type"));
            ArrayNode errors = json.createArrayNode();
            String problem = i < config.mi().documentsMaxCount()
                    ? store(document.text("url"), item)
                    : "Document non récupéré : plus de " + config.mi().documentsMaxCount() + " documents.";
            if (problem != null) {
                deficient++;
                item.putNull("url");
                item.putNull("expires_in");
                errors.add(problem);
            }
            item.set("errors", errors);
            ObjectNode entry = data.addObject();
            entry.set("data", item);
            entry.putObject("links");
            entry.putObject("meta");
        }
        ObjectNode body = json.createObjectNode();
        body.set("data", data);
        body.putObject("meta").put("nombre_documents", documents.size()).put("nombre_documents_deficients", deficient);
        body.putObject("links");
        return body.toString();
    }

    /** API Entreprise's payload_has_documents?: a {@code <documents>} with a positive {@code nbDocRna}. */
    private static boolean hasDocuments(RnaRecord record) {
        String count = record.text("documents", "nbDocRna");
        try {
            return count != null && Integer.parseInt(count.trim()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Fetches and stores one document into {@code item}; the French reason when it cannot. */
    private String store(String recordedUrl, ObjectNode item) {
        String base = client.documentsBase();
        String url = recordedUrl == null ? null : recordedUrl.trim();
        if (url != null && url.startsWith(INTERNAL_BASE)) {
            url = base + url.substring(INTERNAL_BASE.length());
        }
        // Only the ministry's own document service is fetched: a record is no reason to call elsewhere.
        if (url == null || !url.startsWith(base)) {
            return "URL du document fournie par le ministère invalide.";
        }
        UpstreamResponse answer;
        try {
            answer = client.document(url);
        } catch (UpstreamFailure failure) {
            LOG.warnf("RNA document not fetched: %s", failure.getMessage());
            return "Document indisponible chez le ministère de l'Intérieur.";
        }
        if (answer.status() != 200 || answer.body() == null || answer.body().length == 0) {
            return "Document indisponible chez le ministère de l'Intérieur (statut " + answer.status() + ").";
        }
        if (answer.body().length > config.mi().documentsMaxBytes()) {
            return "Document trop volumineux (plus de " + config.mi().documentsMaxBytes() + " octets).";
        }
        StoredDocument stored = store.store(answer.body(), config.mi().documentsTtl());
        item.put("url", stored.url());
        item.put("expires_in", stored.expiresIn());
        return null;
    }
}
