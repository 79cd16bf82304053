package fr.guichet.education.mesri.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.education.config.EducationConfig;
import fr.guichet.education.identity.Civility;
import fr.guichet.education.upstream.EducationUpstream;
import fr.guichet.education.upstream.UpstreamCalls;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * MESRI's student status service, as the reference implementation calls it
 * (datagouv/apistration, {@code MESRI::StudentStatus::*::MakeRequest}): by INE
 * {@code GET <url>?INE=<ine>} with the INE API key, by identity {@code POST <url>} with the JSON
 * {@code {nomFamille, prenom1, dateNaissance: YYYY-MM-DD, sexe: 1|2, lieuNaissance}} and the
 * civility API key; both with {@code X-API-Key} and {@code X-Caller}. A student is an answer 200
 * naming a {@code nomFamille}; 404 is "not found".
 */
@ApplicationScoped
public class MesriClient {

    private static final EducationUpstream UPSTREAM = EducationUpstream.MESRI;
    static final String NOT_FOUND = "Aucun étudiant n'a pu être trouvé avec les critères de recherche fournis.";

    private final UpstreamCalls calls;
    private final EducationConfig config;

    public MesriClient(UpstreamCalls calls, EducationConfig config) {
        this.calls = calls;
        this.config = config;
    }

    /**
     * The student whose INE is {@code ine}.
     *
     * @throws fr.guichet.common.error.ApiException 404 25003 when MESRI knows none, 502 25999 for an
     *         answer without a student, 502 25006 without an API key, the transport errors of {@link UpstreamCalls}
     */
    public JsonNode byIne(String ine) {
        String key = UPSTREAM.setting(config.mesri().apiKeyIne(), "api-key-ine");
        return student(calls.send(UPSTREAM, UpstreamRequest.get("").withQuery(Map.of("INE", ine))
                .withHeader("X-API-Key", key)
                .withHeader("X-Caller", config.mesri().caller())
                .withMetricPath("/ine")));
    }

    /**
     * The student of this identity (first given name, birth date, sex, birth commune when given).
     *
     * @throws fr.guichet.common.error.ApiException as {@link #byIne}
     */
    public JsonNode byCivility(Civility civility) {
        String key = UPSTREAM.setting(config.mesri().apiKeyCivility(), "api-key-civility");
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("nomFamille", civility.birthName())
                .put("prenom1", civility.firstGivenName())
                .put("dateNaissance", civility.isoBirthDate())
                .put("sexe", "F".equals(civility.sex()) ? "2" : "1");
        if (civility.birthCommune() != null) {
            body.put("lieuNaissance", civility.birthCommune());
        }
        return student(calls.send(UPSTREAM, UpstreamRequest.post("", "application/json",
                        body.toString().getBytes(StandardCharsets.UTF_8))
                .withHeader("X-API-Key", key)
                .withHeader("X-Caller", config.mesri().caller())
                .withMetricPath("/identite")));
    }

    private JsonNode student(UpstreamResponse response) {
        if (response.status() == 404) {
            throw UPSTREAM.notFound(NOT_FOUND);
        }
        if (response.status() != 200) {
            throw UPSTREAM.unknownAnswer();
        }
        JsonNode body = calls.json(UPSTREAM, response);
        if (!body.path("nomFamille").isTextual() || body.path("nomFamille").asText().isBlank()) {
            throw UPSTREAM.unknownAnswer();
        }
        return body;
    }
}
