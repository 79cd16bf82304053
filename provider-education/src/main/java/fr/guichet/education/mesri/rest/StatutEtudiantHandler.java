package fr.guichet.education.mesri.rest;

import fr.guichet.education.answer.Answers;
import fr.guichet.education.identity.Civility;
import fr.guichet.education.identity.Ine;
import fr.guichet.education.mesri.client.MesriClient;
import fr.guichet.education.mesri.mapping.StatutEtudiant;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Production mode of MESRI's statut étudiant: by INE, by identity, and for a FranceConnect user
 * (whose identity the gateway forwards as the civility parameters, so it is asked like the civility call;
 * its answer has no {@code identite}, as openapi-particulier.yaml says).
 */
@ApplicationScoped
public class StatutEtudiantHandler implements OperationHandler {

    static final String BY_INE = "api_particulier_v3_mesri_statut_etudiant_with_ine";
    static final String BY_CIVILITY = "api_particulier_v3_mesri_statut_etudiant_with_civility";
    static final String BY_FRANCE_CONNECT = "api_particulier_v3_mesri_statut_etudiant_with_france_connect";

    private final MesriClient client;

    public StatutEtudiantHandler(MesriClient client) {
        this.client = client;
    }

    @Override
    public Set<String> operations() {
        return Set.of(BY_INE, BY_CIVILITY, BY_FRANCE_CONNECT);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        var student = BY_INE.equals(call.operationId()) ? client.byIne(Ine.of(call))
                : client.byCivility(Civility.of(call, true));
        var data = StatutEtudiant.data(student);
        if (BY_FRANCE_CONNECT.equals(call.operationId())) {
            // The FranceConnect user's identity is theirs already: the official schema leaves it out.
            data.remove("identite");
        }
        return Answers.ok(data);
    }
}
