package fr.guichet.education.cnous.rest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.common.error.ApiException;
import fr.guichet.education.answer.Answers;
import fr.guichet.education.cnous.client.CnousClient;
import fr.guichet.education.cnous.mapping.EtudiantBoursier;
import fr.guichet.education.identity.Civility;
import fr.guichet.education.identity.Ine;
import fr.guichet.education.identity.ParameterErrors;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Year;
import java.util.Optional;
import java.util.Set;

/**
 * Production mode of CNOUS's étudiant boursier, v3 and v4, by INE, by identity and for a
 * FranceConnect user. v4's {@code campaignYear} (2021 to last year, the reference's
 * {@code CNOUS::ValidateCampaignYear}) is passed to CNOUS, which answers for that campaign.
 */
@ApplicationScoped
public class EtudiantBoursierHandler implements OperationHandler {

    static final String V3_INE = "api_particulier_v3_cnous_etudiant_boursier_with_ine";
    static final String V3_CIVILITY = "api_particulier_v3_cnous_etudiant_boursier_with_civility";
    static final String V3_FRANCE_CONNECT = "api_particulier_v3_cnous_etudiant_boursier_with_france_connect";
    /** The first campaign CNOUS answers for. */
    static final int FIRST_CAMPAIGN = 2021;

    private final CnousClient client;
    private final Clock clock;

    @Inject
    public EtudiantBoursierHandler(CnousClient client) {
        this(client, Clock.systemDefaultZone());
    }

    EtudiantBoursierHandler(CnousClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public Set<String> operations() {
        // The declared (v3) ids: their v4 paths come here too, told apart by call.operationId().
        return Set.of(V3_INE, V3_CIVILITY, V3_FRANCE_CONNECT);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        String id = call.operationId();
        boolean v4 = id.startsWith("api_particulier_v4_");
        Optional<Integer> campaign = v4 ? campaignYear(call) : Optional.empty();
        JsonNode student;
        if (id.endsWith("_with_ine")) {
            student = client.byIne(Ine.of(call), campaign);
        } else if (id.endsWith("_with_france_connect")) {
            student = client.byFranceConnect(Civility.of(call, false), campaign);
        } else {
            student = client.byCivility(Civility.of(call, false), campaign);
        }
        var data = v4 ? EtudiantBoursier.v4(student) : EtudiantBoursier.v3(student);
        if (id.endsWith("_with_france_connect")) {
            // The FranceConnect user's identity is theirs already: the official schema leaves it out.
            data.remove("identite");
        }
        return Answers.ok(data);
    }

    /**
     * {@code campaignYear} when given: four digits, from 2021 to last year.
     *
     * @throws ApiException 422 00368 otherwise
     */
    Optional<Integer> campaignYear(OperationCall call) {
        String raw = call.queryParameter("campaignYear");
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (raw.matches("\\d{4}")) {
            int year = Integer.parseInt(raw);
            if (year >= FIRST_CAMPAIGN && year <= Year.now(clock).getValue() - 1) {
                return Optional.of(year);
            }
        }
        throw ParameterErrors.invalid("00368", "campaignYear");
    }
}
