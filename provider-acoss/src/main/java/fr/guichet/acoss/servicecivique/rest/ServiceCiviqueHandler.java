package fr.guichet.acoss.servicecivique.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.acoss.common.Answer;
import fr.guichet.acoss.common.Envelope;
import fr.guichet.acoss.servicecivique.client.ServiceCiviqueClient;
import fr.guichet.acoss.servicecivique.client.ServiceCiviqueClient.Identity;
import fr.guichet.acoss.servicecivique.mapping.ServiceCivique;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Production mode of API Particulier's service civique (identity and FranceConnect, answered
 * alike: the gateway forwards the FranceConnect identity as the civility parameters
 * {@code nomNaissance}, {@code prenoms[]}, {@code anneeDateNaissance}, {@code moisDateNaissance},
 * {@code jourDateNaissance}). The gateway has checked them; a direct call without them gets the
 * same 422 (errors.yml: {@code 00420} nom, {@code 00421} prénoms, {@code 00422}-{@code 00424} année,
 * mois, jour de naissance), all errors at once.
 */
@ApplicationScoped
public class ServiceCiviqueHandler implements OperationHandler {

    static final String WITH_CIVILITY = "api_particulier_v3_gip_mds_service_civique_with_civility";
    static final String WITH_FRANCE_CONNECT = "api_particulier_v3_gip_mds_service_civique_with_france_connect";

    private final ServiceCiviqueClient client;
    private final ObjectMapper json;

    public ServiceCiviqueHandler(ServiceCiviqueClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(WITH_CIVILITY, WITH_FRANCE_CONNECT);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return Answer.ok(Envelope.of(ServiceCivique.from(client.contracts(identity(call))))).toProviderAnswer(json);
    }

    /** The identity parameters, or 422 naming every one that is missing or not a number. */
    static Identity identity(OperationCall call) {
        List<ApiError> errors = new ArrayList<>();
        String nom = call.queryParameter("nomNaissance");
        if (nom == null || nom.isBlank()) {
            errors.add(invalid("00420", "nomNaissance"));
        }
        List<String> prenoms = call.query().getOrDefault("prenoms[]", call.query().getOrDefault("prenoms", List.of()));
        if (prenoms.isEmpty() || prenoms.get(0).isBlank()) {
            errors.add(invalid("00421", "prenoms[]"));
        }
        int[] date = new int[3];
        String[] parts = {"anneeDateNaissance", "moisDateNaissance", "jourDateNaissance"};
        String[] codes = {"00422", "00423", "00424"};
        for (int i = 0; i < parts.length; i++) {
            try {
                date[i] = Integer.parseInt(String.valueOf(call.queryParameter(parts[i])));
            } catch (NumberFormatException e) {
                errors.add(invalid(codes[i], parts[i]));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, errors);
        }
        return new Identity(nom, prenoms.get(0), date[0], date[1], date[2]);
    }

    private static ApiError invalid(String code, String parameter) {
        ApiError error = ErrorCatalogue.standard().error(code);
        return new ApiError(error.code(), error.title(), error.detail(), Map.of("parameter", parameter), error.meta());
    }
}
