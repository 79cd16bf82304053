package fr.guichet.education.men.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.education.config.EducationConfig;
import fr.guichet.education.identity.Civility;
import fr.guichet.education.upstream.EducationUpstream;
import fr.guichet.education.upstream.UpstreamCalls;
import fr.guichet.providerkit.upstream.TokenGrant;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MEN's scolarités service (v2), as recorded (datagouv/apistration's cassettes
 * {@code men/cassettes/scolarites}): an OAuth2 token ({@code client_id}, {@code client_secret},
 * {@code grant_type=client_credentials} in the form), shared by the replicas (key
 * {@code guichet:men:token}), then with {@code Authorization: Bearer} and the caller's SIRET in
 * {@code X-Siret-Partenaire}:
 * <ul>
 *   <li>in one school: {@code GET <url>?nom&prenom&sexe=1|2&date-naissance=YYYY-MM-DD&code-uai&annee-scolaire&scope=...};</li>
 *   <li>in a territory (départements or régions, not recorded: from the reference's
 *   {@code MEN::Scolarites::MakeRequest}): {@code POST <url>/perimetre} with the same facts in JSON
 *   and {@code degre-etablissement}, {@code type-perimetre}, {@code valeurs-perimetre}.</li>
 * </ul>
 * 404 is "no such pupil" (also "out of scope", as recorded); a pupil not at school is 404 30004.
 */
@ApplicationScoped
public class MenClient {

    private static final EducationUpstream UPSTREAM = EducationUpstream.MEN;
    static final String TOKEN_KEY = "guichet:men:token";
    /** The data API Particulier asks MEN for, as the reference does. */
    static final String SCOPE = "men_statut_scolarite,men_statut_boursier,men_echelon_bourse";
    static final String NOT_FOUND = "Aucun élève n'a pu être trouvé avec les critères de recherche fournis.";

    private final UpstreamCalls calls;
    private final EducationConfig config;

    public MenClient(UpstreamCalls calls, EducationConfig config) {
        this.calls = calls;
        this.config = config;
    }

    /** Where to look: one school ({@code codeUai}), or a territory ({@code type} departement|region and its codes). */
    public record Search(String schoolYear, String codeUai, String degree, String territoryType, List<String> territory) {
    }

    /**
     * The pupil of this identity in that school year and place.
     *
     * @param recipient the caller's SIRET ({@code X-Siret-Partenaire})
     * @throws ApiException 404 30003 when MEN knows no such pupil, 404 30004 when the pupil is not
     *         at school, 504 30002 on its timeout, 502 30000 on its 500, 502 30999 for any other
     *         answer, 502 30006 when a setting is missing, the transport errors of {@link UpstreamCalls}
     */
    public JsonNode scolarite(Civility civility, Search search, String recipient) {
        UpstreamResponse response = calls.sendWithToken(UPSTREAM, grant(), token -> request(civility, search, token)
                .withHeader("Authorization", "Bearer " + token)
                .withHeader("X-Siret-Partenaire", recipient == null ? "" : recipient));
        if (response.status() == 404) {
            throw UPSTREAM.notFound(NOT_FOUND);
        }
        if (response.status() == 500) {
            throw UPSTREAM.failure(502, "000");
        }
        if (response.status() != 200) {
            throw UPSTREAM.unknownAnswer();
        }
        JsonNode body = calls.json(UPSTREAM, response);
        if (!body.path("identification").isObject() || !body.path("info-scolarite").isObject()) {
            throw UPSTREAM.unknownAnswer();
        }
        if (!body.path("info-scolarite").path("est-scolarise").asBoolean(false)) {
            ApiError base = UPSTREAM.error("004");
            throw new ApiException(404, new ApiError(base.code(), "Scolarité non trouvée",
                    "Aucune scolarité n'a pu être trouvée pour cet élève", null, base.meta()));
        }
        return body;
    }

    private UpstreamRequest request(Civility civility, Search search, String token) {
        if (search.codeUai() != null) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("nom", civility.birthName());
            query.put("prenom", civility.firstGivenName());
            query.put("sexe", civility.sexCode());
            query.put("date-naissance", civility.isoBirthDate());
            query.put("code-uai", search.codeUai());
            query.put("annee-scolaire", search.schoolYear());
            query.put("scope", SCOPE);
            return UpstreamRequest.get("").withQuery(query).withHeader("Content-Type", "application/json")
                    .withMetricPath("/");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("nom", civility.birthName())
                .put("prenom", civility.firstGivenName())
                .put("sexe", Integer.parseInt(civility.sexCode()))
                .put("date-naissance", civility.isoBirthDate())
                .put("annee-scolaire", search.schoolYear())
                .put("scope", SCOPE)
                .put("degre-etablissement", search.degree())
                .put("type-perimetre", search.territoryType());
        search.territory().forEach(body.putArray("valeurs-perimetre")::add);
        return UpstreamRequest.post("/perimetre", "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private TokenGrant grant() {
        return TokenGrant.clientCredentials(TOKEN_KEY, UPSTREAM.setting(config.men().tokenUrl(), "token-url"),
                TokenGrant.ClientAuth.POST, UPSTREAM.setting(config.men().clientId(), "client-id"),
                UPSTREAM.setting(config.men().clientSecret(), "client-secret"), Optional.empty(), config.men().tokenRefreshMargin());
    }

}
