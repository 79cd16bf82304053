package fr.guichet.status.sdh.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.status.answer.Answers;
import fr.guichet.status.civility.ParameterErrors;
import fr.guichet.status.sdh.client.SdhClient;
import fr.guichet.status.sdh.mapping.StatutSportif;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Production mode of the SDH's operation: the {@code identifiant} (digits only, as the reference
 * checks it: 422 {@code 00380} otherwise) asked to the SDH, its file mapped as of today in Paris.
 */
@ApplicationScoped
public class StatutSportifHandler implements OperationHandler {

    static final String OPERATION = "api_particulier_v3_sdh_statut_sportif_with_identifiant";

    private final SdhClient client;
    private final ObjectMapper json;
    private final Clock clock = Clock.system(ZoneId.of("Europe/Paris"));

    public StatutSportifHandler(SdhClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(OPERATION);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        String identifiant = call.queryParameter("identifiant");
        if (identifiant == null || !identifiant.matches("\\d+")) {
            throw new ApiException(422, ParameterErrors.invalid("00380", "identifiant"));
        }
        return Answers.ok(json, StatutSportif.from(client.athlete(identifiant), LocalDate.now(clock)));
    }
}
