package fr.guichet.status.francetravail.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.status.answer.Answers;
import fr.guichet.status.civility.ParameterErrors;
import fr.guichet.status.francetravail.client.FranceTravailClient;
import fr.guichet.status.francetravail.mapping.Indemnites;
import fr.guichet.status.francetravail.mapping.Statut;
import fr.guichet.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Production mode of France Travail's two operations: the {@code identifiant} (checked present by
 * the gateway from openapi-particulier.yaml; 422 {@code 00380} without it) asked to France
 * Travail, its answer mapped.
 */
@ApplicationScoped
public class FranceTravailHandler implements OperationHandler {

    static final String STATUT = "api_particulier_v3_france_travail_statut_with_identifiant";
    static final String INDEMNITES = "api_particulier_v3_france_travail_indemnites_with_identifiant";

    private final FranceTravailClient client;
    private final ObjectMapper json;

    public FranceTravailHandler(FranceTravailClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(STATUT, INDEMNITES);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        String identifiant = call.queryParameter("identifiant");
        if (identifiant == null || identifiant.isBlank()) {
            // The gateway refuses such a call; a direct one (tests, operators) gets the same 422.
            throw new ApiException(422, ParameterErrors.invalid("00380", "identifiant"));
        }
        String recipient = call.queryParameter("recipient");
        if (STATUT.equals(call.declaration().id())) {
            return Answers.ok(json, Statut.from(identifiant, client.statut(identifiant, recipient)));
        }
        return Answers.ok(json, Indemnites.from(identifiant, client.indemnites(identifiant, recipient)));
    }
}
