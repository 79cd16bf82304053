package fr.guichet.social.probtp.rest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.social.config.SocialConfig;
import fr.guichet.social.document.DocumentAnswers;
import fr.guichet.social.error.UpstreamErrors;
import fr.guichet.social.probtp.client.ProbtpClient;
import fr.guichet.social.probtp.mapping.ProbtpMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * PRO BTP in production mode: the conformity of an establishment's supplementary pension
 * contributions ({@code getStatutCotisation}) and its attestation ({@code getAttestationCotisation},
 * a PDF stored for the gateway, one day by default). Sandbox mode is the kit's, from the cases.
 */
@ApplicationScoped
public class ProbtpHandler implements OperationHandler {

    static final String CONFORMITE = "api_entreprise_v3_probtp_conformites_cotisations_retraite";
    static final String ATTESTATION = "api_entreprise_v3_probtp_attestations_cotisation_retraite";

    private final ProbtpClient client;
    private final DocumentAnswers documents;
    private final SocialConfig config;

    public ProbtpHandler(ProbtpClient client, DocumentAnswers documents, SocialConfig config) {
        this.client = client;
        this.documents = documents;
        this.config = config;
    }

    @Override
    public Set<String> operations() {
        return Set.of(CONFORMITE, ATTESTATION);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        String siret = call.variable("siret");
        if (CONFORMITE.equals(call.declaration().id())) {
            JsonNode answer = client.ask(call.declaration(), ProbtpClient.STATUT, siret);
            return ProviderAnswer.json(200, ProbtpMapping.conformite(call.declaration(), answer).toString());
        }
        JsonNode answer = client.ask(call.declaration(), ProbtpClient.ATTESTATION, siret);
        byte[] pdf = ProbtpMapping.attestationPdf(answer).orElseThrow(() -> UpstreamErrors.unknownAnswer(call.declaration()));
        return documents.pdf(call.declaration(), pdf, config.probtp().documentTtl());
    }
}
