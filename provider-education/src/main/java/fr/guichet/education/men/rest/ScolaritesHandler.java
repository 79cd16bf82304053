package fr.guichet.education.men.rest;

import fr.guichet.common.error.ApiException;
import fr.guichet.education.answer.Answers;
import fr.guichet.education.identity.Civility;
import fr.guichet.education.identity.ParameterErrors;
import fr.guichet.education.men.client.MenClient;
import fr.guichet.education.men.mapping.Scolarite;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Production mode of MEN's scolarités v3, v4 and v5 (v5 adds the boarding régime). The search is
 * in one school ({@code codeEtablissement}) or in a territory ({@code codesBcnDepartements[]} or
 * {@code codesBcnRegions[]} with {@code degreEtablissement}), never both, as the reference's
 * {@code MEN::Scolarites::ValidateSearchParams} says.
 */
@ApplicationScoped
public class ScolaritesHandler implements OperationHandler {

    static final String V3 = "api_particulier_v3_men_scolarites_with_civility";
    static final String V5 = "api_particulier_v5_men_scolarites_with_civility";

    private final MenClient client;

    public ScolaritesHandler(MenClient client) {
        this.client = client;
    }

    @Override
    public Set<String> operations() {
        // The declared (v3) id: its v4 and v5 paths come here too, told apart by call.operationId().
        return Set.of(V3);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        Civility civility = Civility.of(call, true);
        MenClient.Search search = search(call);
        var pupil = client.scolarite(civility, search, call.queryParameter("recipient"));
        return Answers.ok(Scolarite.data(pupil, V5.equals(call.operationId())));
    }

    /**
     * Where to look.
     *
     * @throws ApiException 422 00411 (school year), 00410 (no school nor territory), 00419 (both),
     *         00413 (départements and régions), 00412 (territory without degree)
     */
    static MenClient.Search search(OperationCall call) {
        String year = call.queryParameter("anneeScolaire");
        if (year == null || !year.matches("\\d{4}|\\d{4}-\\d{4}")) {
            throw invalid("00411", "anneeScolaire");
        }
        String uai = blankToNull(call.queryParameter("codeEtablissement"));
        List<String> departements = values(call, "codesBcnDepartements");
        List<String> regions = values(call, "codesBcnRegions");
        boolean territory = !departements.isEmpty() || !regions.isEmpty();
        if (uai != null && territory) {
            throw invalid("00419", "codeEtablissement");
        }
        if (uai != null) {
            return new MenClient.Search(year, uai, null, null, List.of());
        }
        if (!territory) {
            throw invalid("00410", "codeEtablissement");
        }
        if (!departements.isEmpty() && !regions.isEmpty()) {
            throw invalid("00413", "codesBcnDepartements[]");
        }
        String degree = blankToNull(call.queryParameter("degreEtablissement"));
        if (degree == null) {
            throw invalid("00412", "degreEtablissement");
        }
        return departements.isEmpty() ? new MenClient.Search(year, null, degree, "region", regions)
                : new MenClient.Search(year, null, degree, "departement", departements);
    }

    private static List<String> values(OperationCall call, String name) {
        List<String> values = new ArrayList<>(call.query().getOrDefault(name + "[]", List.of()));
        values.addAll(call.query().getOrDefault(name, List.of()));
        return values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ApiException invalid(String code, String parameter) {
        return ParameterErrors.invalid(code, parameter);
    }
}
