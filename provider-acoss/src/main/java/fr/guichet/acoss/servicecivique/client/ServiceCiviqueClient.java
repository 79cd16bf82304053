package fr.guichet.acoss.servicecivique.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.acoss.client.OAuth2Tokens;
import fr.guichet.acoss.client.UpstreamHttp;
import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.acoss.effectifs.client.GipMdsClient;
import fr.guichet.acoss.error.Errors;
import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GIP-MDS's generic contracts service for API Particulier's service civique, as the reference
 * implementation calls it ({@code GIPMDS::ServiceCivique}): the same OAuth2 token as the effectifs
 * (the kit's upstream {@code gip_mds}), then
 * {@code GET <url>/contrats-generique?nom=<NOM>&prenom=<first given name>&dateNaissance=<ddMMyyyy>&listeCodeNature=89&comparaisonCertifiee=1}
 * (nature 89: service civique). Neither the identity nor an answer body is ever logged.
 */
@ApplicationScoped
public class ServiceCiviqueClient {

    static final String CONTRATS_PATH = "/contrats-generique";
    /** GIP-MDS's nature of a service civique contract. */
    static final String SERVICE_CIVIQUE = "89";
    static final String TOO_MANY_DETAIL = "Les paramètres d'identité correspondent à plusieurs personnes. Nous ne pouvons "
            + "pas fournir les informations de service civique pour cet individu.";

    private final AcossConfig.GipMds config;
    private final UpstreamHttp http;
    private final OAuth2Tokens tokens;
    private final GipMdsClient gipMds;
    private final ObjectMapper json;

    public ServiceCiviqueClient(AcossConfig config, UpstreamHttp http, OAuth2Tokens tokens, GipMdsClient gipMds,
                                ObjectMapper json) {
        this.config = config == null ? null : config.gipMds();
        this.http = http;
        this.tokens = tokens;
        this.gipMds = gipMds;
        this.json = json;
    }

    /** The person asked for: birth name, first given name, birth date parts (as the gateway checked them). */
    public record Identity(String nomNaissance, String prenom, int annee, int mois, int jour) {
    }

    /**
     * The service civique contracts GIP-MDS knows for {@code identity}: its {@code individu}
     * object, or empty when the person is known without such a contract ({@code NOT_FOUND_CONTRAT}).
     *
     * @throws ApiException 404 31003 unknown person ({@code NOT_FOUND_INDIVIDU}), 422 00391 several
     *         persons match ({@code TOO_MANY_INDIVIDU}), 502 31502 credentials refused twice, 502 31503
     *         quota, 502 31501 GIP-MDS failure, 502 31999 any other answer, 502 31006 not configured,
     *         and the transport errors of {@link UpstreamHttp}
     */
    public Optional<JsonNode> contracts(Identity identity) {
        String url = config.url().orElseThrow(() -> Upstream.GIP_MDS.failure(502, "006",
                "La configuration GIP-MDS est incomplète (guichet.acoss.gip-mds.url)."));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("nom", identity.nomNaissance().toUpperCase(Locale.ROOT));
        query.put("prenom", identity.prenom());
        query.put("dateNaissance", String.format(Locale.ROOT, "%02d%02d%04d", identity.jour(), identity.mois(), identity.annee()));
        query.put("listeCodeNature", SERVICE_CIVIQUE);
        query.put("comparaisonCertifiee", "1");
        UpstreamRequest request = UpstreamRequest.get(url + CONTRATS_PATH).withQuery(query)
                .withHeader("Content-Type", "application/json").withHeader("Accept", "application/json")
                .withMetricPath(CONTRATS_PATH);
        String token = gipMds.token();
        UpstreamResponse response = http.send(Upstream.GIP_MDS, request.withHeader("Authorization", "Bearer " + token));
        if (response.status() == 401) {
            tokens.evict(Upstream.GIP_MDS, token);
            response = http.send(Upstream.GIP_MDS, request.withHeader("Authorization", "Bearer " + gipMds.token()));
            if (response.status() == 401) {
                throw new ApiException(502, Errors.gipMds("31502"));
            }
        }
        JsonNode body = read(response);
        String error = body.path("erreurs").path(0).path("code").asText("");
        return switch (response.status()) {
            case 200 -> {
                if (!body.has("individu")) {
                    throw Upstream.GIP_MDS.failure(502, "999");
                }
                yield Optional.of(body.get("individu"));
            }
            case 404 -> switch (error) {
                case "NOT_FOUND_CONTRAT" -> Optional.empty();
                case "NOT_FOUND_INDIVIDU" -> throw Errors.notFound(Upstream.GIP_MDS);
                default -> throw Upstream.GIP_MDS.failure(502, "999");
            };
            case 413 -> {
                if (!"TOO_MANY_INDIVIDU".equals(error)) {
                    throw Upstream.GIP_MDS.failure(502, "999");
                }
                throw new ApiException(422, new ApiError("00391", "Entité non traitable", TOO_MANY_DETAIL, null, Map.of()));
            }
            case 429 -> throw new ApiException(502, Errors.gipMds("31503"));
            default -> throw response.status() >= 500 ? new ApiException(502, Errors.gipMds("31501"))
                    : Upstream.GIP_MDS.failure(502, "999");
        };
    }

    private JsonNode read(UpstreamResponse response) {
        try {
            JsonNode body = response.body() == null || response.body().length == 0 ? null : json.readTree(response.body());
            return body == null ? json.createObjectNode() : body;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
