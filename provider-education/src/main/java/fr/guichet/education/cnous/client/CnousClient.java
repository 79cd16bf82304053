package fr.guichet.education.cnous.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.error.ApiException;
import fr.guichet.education.config.EducationConfig;
import fr.guichet.education.identity.Civility;
import fr.guichet.education.identity.Ine;
import fr.guichet.education.upstream.EducationUpstream;
import fr.guichet.education.upstream.UpstreamCalls;
import fr.guichet.providerkit.upstream.TokenGrant;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * CNOUS's scholarship services, as the reference implementation calls them (datagouv/apistration,
 * {@code CNOUS::*}): an OAuth2 token from the token endpoint (client in HTTP Basic), shared by the
 * replicas (key {@code guichet:cnous:token}), then with {@code Authorization: Bearer}:
 * <ul>
 *   <li>by INE: {@code GET <ine-path>/<ine>[?campaignYear=YYYY]};</li>
 *   <li>by identity: {@code POST <civility-path>} with the JSON {@code {lastName, firstNames: "A, B",
 *   birthDate: DD/MM/YYYY, birthPlace, civility, campaignYear}} (absent values left out);</li>
 *   <li>by FranceConnect identity: {@code GET <france-connect-path>} with the JSON body
 *   {@code {given_name, family_name, birthdate, gender, birthplace, campaignYear}}.</li>
 * </ul>
 * CNOUS answers one student (an object, or an array of one); 404 is "not found", 400 a parameter it
 * refuses, several students a conflict.
 */
@ApplicationScoped
public class CnousClient {

    private static final EducationUpstream UPSTREAM = EducationUpstream.CNOUS;
    static final String TOKEN_KEY = "guichet:cnous:token";
    static final String NOT_FOUND = "Aucun étudiant boursier n'a pu être trouvé avec les critères de recherche fournis.";

    private final UpstreamCalls calls;
    private final EducationConfig config;

    public CnousClient(UpstreamCalls calls, EducationConfig config) {
        this.calls = calls;
        this.config = config;
    }

    /**
     * The scholarship holder whose INE is {@code ine}, for campaign {@code campaignYear} when given
     * (CNOUS's current campaign otherwise).
     *
     * @throws ApiException 404 26003 when CNOUS knows none, 422 00360 when CNOUS refuses the INE,
     *         409 26015 when several students match, 502 26000 on its 500, 502 26999 for any other
     *         answer, 502 26006 when a setting is missing, the transport errors of {@link UpstreamCalls}
     */
    public JsonNode byIne(String ine, Optional<Integer> campaignYear) {
        String path = UPSTREAM.setting(config.cnous().inePath(), "ine-path") + "/" + ine;
        return student(send(token -> {
            UpstreamRequest request = UpstreamRequest.get(path).withHeader("Authorization", "Bearer " + token)
                    .withMetricPath("/ine/{ine}");
            return campaignYear.map(y -> request.withQuery(Map.of("campaignYear", y.toString()))).orElse(request);
        }), Ine::malformed);
    }

    /**
     * The scholarship holder of this identity.
     *
     * @throws ApiException as {@link #byIne}, 422 00366 when CNOUS refuses the identity
     */
    public JsonNode byCivility(Civility civility, Optional<Integer> campaignYear) {
        String path = UPSTREAM.setting(config.cnous().civilityPath(), "civility-path");
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("lastName", civility.birthName())
                .put("firstNames", String.join(", ", civility.givenNames()))
                .put("birthDate", civility.frenchBirthDate());
        putIfPresent(body, "birthPlace", civility.birthCommune());
        putIfPresent(body, "civility", civility.sex());
        campaignYear.ifPresent(y -> body.put("campaignYear", y));
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        return student(send(token -> UpstreamRequest.post(path, "application/json", json)
                .withHeader("Authorization", "Bearer " + token).withMetricPath("/identite")), CnousClient::identityRefused);
    }

    /**
     * The scholarship holder of a FranceConnect identity (forwarded by the gateway as civility parameters).
     *
     * @throws ApiException as {@link #byCivility}
     */
    public JsonNode byFranceConnect(Civility civility, Optional<Integer> campaignYear) {
        String path = UPSTREAM.setting(config.cnous().franceConnectPath(), "france-connect-path");
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("given_name", String.join(", ", civility.givenNames()))
                .put("family_name", civility.birthName())
                .put("birthdate", civility.frenchBirthDate());
        putIfPresent(body, "gender", civility.sex());
        // The reference always sends the birthplace, empty when FranceConnect has none.
        body.put("birthplace", civility.birthCommune() == null ? "" : civility.birthCommune());
        campaignYear.ifPresent(y -> body.put("campaignYear", y));
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        return student(send(token -> new UpstreamRequest("GET", path, Map.of(),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token), json, "/france_connect")),
                CnousClient::identityRefused);
    }

    private UpstreamResponse send(Function<String, UpstreamRequest> build) {
        return calls.sendWithToken(UPSTREAM, grant(), build);
    }

    private JsonNode student(UpstreamResponse response, java.util.function.Supplier<ApiException> refused) {
        switch (response.status()) {
            case 404 -> throw UPSTREAM.notFound(NOT_FOUND);
            case 400 -> throw refused.get();
            case 500 -> throw UPSTREAM.failure(502, "000");
            default -> {
                // read below
            }
        }
        JsonNode body = calls.json(UPSTREAM, response);
        if (body.isArray() && body.size() > 1) {
            throw UPSTREAM.failure(409, "015");
        }
        JsonNode student = body.isArray() ? body.path(0) : body;
        if (response.status() != 200 || !student.path("lastName").isTextual() || student.path("lastName").asText().isBlank()) {
            throw UPSTREAM.unknownAnswer();
        }
        return student;
    }

    private static ApiException identityRefused() {
        return new ApiException(422, fr.guichet.common.error.ErrorCatalogue.standard().error("00366"));
    }

    private TokenGrant grant() {
        return TokenGrant.clientCredentials(TOKEN_KEY, UPSTREAM.setting(config.cnous().tokenUrl(), "token-url"),
                TokenGrant.ClientAuth.BASIC, UPSTREAM.setting(config.cnous().clientId(), "client-id"),
                UPSTREAM.setting(config.cnous().clientSecret(), "client-secret"), Optional.empty(),
                config.cnous().tokenRefreshMargin());
    }


    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
