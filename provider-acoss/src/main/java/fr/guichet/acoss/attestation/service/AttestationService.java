package fr.guichet.acoss.attestation.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.acoss.AcossOperations;
import fr.guichet.acoss.attestation.client.UrssafAnswer;
import fr.guichet.acoss.attestation.client.UrssafClient;
import fr.guichet.acoss.attestation.mapping.AttestationV3;
import fr.guichet.acoss.attestation.mapping.AttestationV4;
import fr.guichet.acoss.common.Answer;
import fr.guichet.acoss.common.Envelope;
import fr.guichet.acoss.common.SandboxAnswers;
import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.acoss.error.Errors;
import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.common.sandbox.SandboxCases;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.providerkit.document.DocumentStore.StoredDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/** Attestation de vigilance, v3 (the document) and v4 (the document and the facts read from it). */
@ApplicationScoped
public class AttestationService {

    /** The sandbox's document: URSSAF's specimen, marked as a test document. */
    static final String SANDBOX_PDF = "sandbox/payloads/" + AcossOperations.ATTESTATION_VIGILANCE_V4
            + "/attestation_vigilance_test.pdf";

    private static final Logger LOG = Logger.getLogger(AttestationService.class);

    private final ProviderConfig provider;
    private final SandboxAnswers sandbox;
    private final UrssafClient urssaf;
    private final AttestationPdfReader reader;
    private final DocumentStore documents;
    private final Duration documentTtl;
    private final ObjectMapper json;

    public AttestationService(ProviderConfig provider, SandboxAnswers sandbox, UrssafClient urssaf,
                              AttestationPdfReader reader, DocumentStore documents, AcossConfig config, ObjectMapper json) {
        this.provider = provider;
        this.sandbox = sandbox;
        this.urssaf = urssaf;
        this.reader = reader;
        this.documents = documents;
        this.documentTtl = config == null ? null : config.documentTtl();
        this.json = json;
    }

    public Answer v3(String siren, String recipient) {
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox(AcossOperations.ATTESTATION_VIGILANCE_V3, siren, "expires_in");
        }
        UrssafAnswer answer = urssaf.demand(siren, recipient);
        if (answer instanceof UrssafAnswer.Refused refused) {
            // v3 has no way to say "refused" in its body: API Entreprise answers 04503.
            throw new ApiException(502, Errors.acoss("04503").withMeta("provider_errors", refused.providerErrors()));
        }
        byte[] pdf = ((UrssafAnswer.Delivered) answer).pdf();
        // v3 shows only the document, but a cut or foreign file must not be handed out either.
        reader.read(pdf);
        StoredDocument stored = documents.store(pdf, documentTtl);
        LOG.debugf("Attestation v3 for %s stored as %s", siren, stored.uuid());
        return Answer.ok(Envelope.of(new AttestationV3(stored.url(), stored.expiresIn())));
    }

    public Answer v4(String siren, String recipient) {
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox(AcossOperations.ATTESTATION_VIGILANCE_V4, siren, "document_url_expires_in");
        }
        UrssafAnswer answer = urssaf.demand(siren, recipient);
        if (answer instanceof UrssafAnswer.Refused) {
            return Answer.ok(Envelope.of(AttestationV4.refused()));
        }
        byte[] pdf = ((UrssafAnswer.Delivered) answer).pdf();
        AttestationFacts facts = reader.read(pdf);
        StoredDocument stored = documents.store(pdf, documentTtl);
        LOG.debugf("Attestation v4 for %s stored as %s", siren, stored.uuid());
        return Answer.ok(Envelope.of(AttestationV4.delivered(stored.url(), stored.expiresIn(),
                facts.dateDebutValidite(), facts.dateFinValidite(), facts.codeSecurite())));
    }

    private Answer sandbox(String operation, String siren, String expiresField) {
        SandboxCase fixture = sandbox.find(operation, Map.of("siren", siren))
                .orElseThrow(() -> sandbox.miss(Upstream.URSSAF));
        JsonNode payload = read(fixture.payload());
        JsonNode data = payload.path("data");
        if (data instanceof ObjectNode node && !node.path("document_url").isNull() && node.has("document_url")) {
            StoredDocument stored = documents.store(SandboxCases.bytes(SANDBOX_PDF), documentTtl);
            node.put("document_url", stored.url());
            node.put(expiresField, stored.expiresIn());
        }
        return new Answer(fixture.status(), payload);
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sandbox payload", e);
        }
    }
}
