package fr.guichet.acoss.attestation.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.acoss.AcossOperations;
import fr.guichet.acoss.attestation.client.UrssafAnswer;
import fr.guichet.acoss.attestation.client.UrssafClient;
import fr.guichet.acoss.attestation.model.AttestationV3;
import fr.guichet.acoss.attestation.model.AttestationV4;
import fr.guichet.acoss.common.Answer;
import fr.guichet.acoss.common.Envelope;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.acoss.document.DocumentStore;
import fr.guichet.acoss.document.DocumentStore.StoredDocument;
import fr.guichet.acoss.error.Errors;
import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.acoss.sandbox.SandboxFixtures;
import fr.guichet.acoss.sandbox.SandboxFixtures.Fixture;
import fr.guichet.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/** Attestation de vigilance, v3 (the document) and v4 (the document and the facts read from it). */
@ApplicationScoped
public class AttestationService {

    /** The sandbox's document: URSSAF's specimen, marked as a test document. */
    static final String SANDBOX_PDF = AcossOperations.ATTESTATION_VIGILANCE_V4 + "/attestation_vigilance_test.pdf";

    private static final Logger LOG = Logger.getLogger(AttestationService.class);

    private final ProviderConfig provider;
    private final SandboxFixtures fixtures;
    private final UrssafClient urssaf;
    private final AttestationPdfReader reader;
    private final DocumentStore documents;

    public AttestationService(ProviderConfig provider, SandboxFixtures fixtures, UrssafClient urssaf,
                              AttestationPdfReader reader, DocumentStore documents) {
        this.provider = provider;
        this.fixtures = fixtures;
        this.urssaf = urssaf;
        this.reader = reader;
        this.documents = documents;
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
        StoredDocument stored = documents.store(pdf);
        LOG.debugf("Attestation v3 for %s stored as %s", siren, stored.id());
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
        StoredDocument stored = documents.store(pdf);
        LOG.debugf("Attestation v4 for %s stored as %s", siren, stored.id());
        return Answer.ok(Envelope.of(AttestationV4.delivered(stored.url(), stored.expiresIn(),
                facts.dateDebutValidite(), facts.dateFinValidite(), facts.codeSecurite())));
    }

    private Answer sandbox(String operation, String siren, String expiresField) {
        Fixture fixture = fixtures.find(operation, Map.of("siren", siren))
                .orElseThrow(() -> sandboxMiss());
        JsonNode payload = fixture.payloadCopy();
        JsonNode data = payload.path("data");
        if (data instanceof ObjectNode node && !node.path("document_url").isNull() && node.has("document_url")) {
            StoredDocument stored = documents.store(SandboxFixtures.bytes(SANDBOX_PDF));
            node.put("document_url", stored.url());
            node.put(expiresField, stored.expiresIn());
        }
        return new Answer(fixture.status(), payload);
    }

    static ApiException sandboxMiss() {
        return Upstream.URSSAF.failure(404, "003",
                "Aucun cas du bac à sable ne correspond à ces paramètres : consultez les cas de test de cette opération.");
    }
}
