package fr.guichet.cnav.dss.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.cnav.error.CnavErrors;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.error.UpstreamErrors;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import java.io.IOException;
import java.util.Set;

/**
 * What CNAV's answers mean, as the reference implementation reads them ({@code CNAV::ValidateResponse}):
 * <ul>
 *   <li>200 with a JSON object: the data;</li>
 *   <li>404 with {@code errorCode} 40409 (its identity directory, SNGI, found nobody): 422 {@code 00355};</li>
 *   <li>404 with {@code errorCode} 40406 or 40412 (no régime knows the person): 404 {@code 35003}
 *       (CNAF &amp; MSA, "Allocataire non référencé");</li>
 *   <li>other 404: the régime of {@code X-APISECU-FD} did not find the file (23003 CNAF, 10003 MSA,
 *       37003 RNCPS), 37003 when no régime is named;</li>
 *   <li>400 (civility refused): 422 {@code 00366} with CNAV's code and message in {@code meta};</li>
 *   <li>429: 502 {@code 37008}; 500: 502 {@code 37000}; 502/503: 502 {@code 37001}; 504: 504
 *       {@code 37002}; anything else, or a body that is not a JSON object: 502 {@code 37999}.</li>
 * </ul>
 * Neither CNAV's bodies nor the parameters are logged: they are personal data.
 */
public final class CnavResponses {

    static final int IDENTITY_NOT_FOUND = 40409;
    static final Set<Integer> NO_REGIME = Set.of(40406, 40412);

    private CnavResponses() {
    }

    /**
     * The JSON object of a 200 answer.
     *
     * @throws ApiException the error each other answer means (above)
     */
    public static JsonNode data(UpstreamResponse response, ObjectMapper json) {
        JsonNode body = read(response, json);
        switch (response.status()) {
            case 200:
                if (body == null || !body.isObject()) {
                    throw CnavErrors.unknownAnswer();
                }
                return body;
            case 404:
                throw notFound(response, body);
            case 400:
                throw CnavErrors.civilityRefused(body == null ? null : body.path("errorCode").isNumber()
                        ? body.get("errorCode").asInt() : null, body == null ? null : body.path("error").asText(null));
            case 429:
                throw UpstreamErrors.rateLimited(ProviderPrefix.CNAV, CnavErrors.PROVIDER);
            case 500:
                throw CnavErrors.failure(502, "000");
            default:
                throw UpstreamErrors.ofStatus(response.status(), ProviderPrefix.CNAV, CnavErrors.PROVIDER);
        }
    }

    private static ApiException notFound(UpstreamResponse response, JsonNode body) {
        int code = body == null ? 0 : body.path("errorCode").asInt(0);
        if (code == IDENTITY_NOT_FOUND) {
            return CnavErrors.unidentified();
        }
        if (NO_REGIME.contains(code)) {
            return CnavErrors.notFound(ProviderPrefix.CNAF_MSA, "CNAF & MSA", "Allocataire non référencé",
                    "L'allocataire n'est pas référencé auprès des caisses éligibles.");
        }
        return response.header(Regime.HEADER).flatMap(Regime::ofCode).map(Regime::notFound)
                .orElseGet(() -> CnavErrors.notFound(ProviderPrefix.CNAV, CnavErrors.PROVIDER, "Dossier allocataire absent CNAV",
                        "Le dossier allocataire n'a pas été trouvé auprès de la CNAV."));
    }

    private static JsonNode read(UpstreamResponse response, ObjectMapper json) {
        if (response.body() == null || response.body().length == 0) {
            return null;
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }
}
