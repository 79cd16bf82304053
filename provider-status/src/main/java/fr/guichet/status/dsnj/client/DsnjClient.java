package fr.guichet.status.dsnj.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import fr.guichet.status.civility.Civility;
import fr.guichet.status.config.StatusConfig;
import fr.guichet.status.upstream.StatusUpstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The DSNJ's national service status, as the reference implementation asks it
 * ({@code DSNJ::ServiceNational}): {@code POST <url>} with the platform's bearer token and one
 * "identité pivot" in JSON, {@code {"identites_pivot":[{"given_name","family_name","birthdate",
 * "gender","birthplace","birthcountry"}]}}: the first given name capitalised and the birth name
 * upper-cased, both without diacritics; the birth date {@code YYYY-MM-DD}; {@code male}/{@code female};
 * the commune only for a birth in France. Neither the identity nor the answer is ever logged.
 */
@ApplicationScoped
public class DsnjClient {

    static final StatusUpstream UPSTREAM = StatusUpstream.DSNJ;
    /** The DSNJ's own wording of "nobody found", as API Particulier's sandbox answers it. */
    static final String NOT_FOUND = "Le siret ou siren indiqué n'existe pas, n'est pas connu ou ne comporte aucune "
            + "information pour cet appel. Veuillez vérifier que l'identifiant correspond au périmètre couvert par l'API.";

    private final Upstreams upstreams;
    private final StatusConfig.Dsnj config;
    private final ObjectMapper json;

    public DsnjClient(Upstreams upstreams, StatusConfig config, ObjectMapper json) {
        this.upstreams = upstreams;
        this.config = config == null ? null : config.dsnj();
        this.json = json;
    }

    /**
     * The DSNJ's result for {@code person}: its one result whose {@code code} is {@code OK}.
     *
     * @throws fr.guichet.common.error.ApiException 404 39003 nobody found ({@code NON_TROUVE}),
     *         502 39999 a {@code return_code} other than {@code OK}, several results or another code,
     *         502 39006 not configured, and the transport errors of {@link StatusUpstream#send}
     */
    public JsonNode serviceNational(Civility person) {
        String url = required(config.url(), "url");
        String token = required(config.token(), "token");
        UpstreamResponse response = UPSTREAM.send(upstreams, UpstreamRequest.post(url, "application/json; charset=utf-8",
                        request(person).toString().getBytes(StandardCharsets.UTF_8))
                .withHeader("Authorization", "Bearer " + token)
                // The DSNJ's gateway was recorded answering this client only; the reference sends it too.
                .withHeader("User-Agent", "curl/8.15.0")
                .withMetricPath("/service_national"));
        JsonNode body = read(response);
        JsonNode results = body.path("results");
        if (response.status() != 200 || !"OK".equals(body.path("return_code").asText()) || !results.isArray()
                || results.size() != 1) {
            throw UPSTREAM.unknownAnswer();
        }
        return switch (results.get(0).path("code").asText("")) {
            case "OK" -> results.get(0);
            case "NON_TROUVE" -> throw UPSTREAM.notFound(NOT_FOUND);
            default -> throw UPSTREAM.unknownAnswer();
        };
    }

    /** The JSON the DSNJ is asked, for {@code person}. */
    ObjectNode request(Civility person) {
        ObjectNode pivot = json.createObjectNode();
        String prenom = person.prenoms().get(0);
        pivot.put("given_name", transliterate(prenom.substring(0, 1).toUpperCase(Locale.ROOT) + prenom.substring(1).toLowerCase(Locale.ROOT)));
        pivot.put("family_name", transliterate(person.nomNaissance().toUpperCase(Locale.ROOT)));
        pivot.put("birthdate", String.format(Locale.ROOT, "%d-%02d-%02d", person.anneeDateNaissance(), person.moisDateNaissance(),
                person.jourDateNaissance()));
        pivot.put("gender", "M".equals(person.sexeEtatCivil()) ? "male" : "female");
        pivot.put("birthplace", Civility.FRANCE.equals(person.codeCogInseePaysNaissance()) ? person.codeCogInseeCommuneNaissance() : null);
        pivot.put("birthcountry", person.codeCogInseePaysNaissance());
        ObjectNode request = json.createObjectNode();
        request.putArray("identites_pivot").add(pivot);
        return request;
    }

    /** Letters without their diacritics ({@code Élise} → {@code Elise}), as Rails' transliterate. */
    static String transliterate(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private JsonNode read(UpstreamResponse response) {
        try {
            JsonNode body = response.body() == null || response.body().length == 0 ? null : json.readTree(response.body());
            return body == null ? json.createObjectNode() : body;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> UPSTREAM.notConfigured("guichet.status.dsnj." + name));
    }
}
