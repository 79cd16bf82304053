package fr.guichet.social.probtp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.social.client.UpstreamCalls;
import fr.guichet.social.config.SocialConfig;
import fr.guichet.social.error.UpstreamErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * PRO BTP's web services as recorded: {@code POST <url>/ws_ext/rest/certauth/mpsservices/<service>}
 * with the JSON body {@code {"corps": "<siret>"}}, over the platform's client certificate (TLS
 * entry of the {@code probtp} upstream). The answer's {@code entete.code} says how it went:
 * {@code 0} done, {@code 8} unknown or not eligible SIRET (404 {@code 09003}), {@code 4} PRO BTP's
 * own failure (502 {@code 09000} with its message), as the reference implementation reads them.
 */
@ApplicationScoped
public class ProbtpClient {

    /** The kit's named upstream ({@code guichet.upstream.probtp.*}). */
    public static final String UPSTREAM = "probtp";
    /** Eligibility of the account: {@code corps} starts with {@code 00} (eligible) or {@code 01}. */
    public static final String STATUT = "getStatutCotisation";
    /** The attestation: {@code data} holds the PDF in base64. */
    public static final String ATTESTATION = "getAttestationCotisation";
    private static final String PATH = "/ws_ext/rest/certauth/mpsservices/";
    private static final Logger LOG = Logger.getLogger(ProbtpClient.class);

    private final UpstreamCalls calls;
    private final SocialConfig config;
    private final ObjectMapper json;

    public ProbtpClient(UpstreamCalls calls, SocialConfig config, ObjectMapper json) {
        this.calls = calls;
        this.config = config;
        this.json = json;
    }

    /**
     * The answer of {@code service} for {@code siret}, when {@code entete.code} is {@code 0}.
     *
     * @throws fr.guichet.common.error.ApiException 404 {@code 09003}, 502 {@code 09000}/{@code 09999},
     *         503 {@code 09001}, 504 {@code 09002}
     */
    public JsonNode ask(OperationDeclaration operation, String service, String siret) {
        String base = UpstreamCalls.required(config.probtp().url(), "guichet.social.probtp.url", operation);
        byte[] body = json.createObjectNode().put("corps", siret).toString().getBytes(StandardCharsets.UTF_8);
        UpstreamResponse response = calls.call(UPSTREAM,
                UpstreamRequest.post(base + PATH + service, "application/json", body).withMetricPath(PATH + service), operation);
        if (response.status() == 500) {
            throw UpstreamErrors.internalError(operation);
        }
        JsonNode answer = read(response);
        if (answer == null) {
            LOG.errorf("PRO BTP %s: unreadable answer, HTTP %d", service, response.status());
            throw UpstreamErrors.unknownAnswer(operation);
        }
        String code = answer.path("entete").path("code").asText("");
        if ("4".equals(code)) {
            throw UpstreamErrors.failure(operation, 502, "000",
                    "Erreur fournisseur: " + answer.path("entete").path("message").asText(""));
        }
        if ("8".equals(code)) {
            throw UpstreamErrors.notFound(operation);
        }
        if (response.status() != 200) {
            LOG.errorf("PRO BTP %s: HTTP %d, entete.code %s", service, response.status(), code);
            throw UpstreamErrors.unknownAnswer(operation);
        }
        return answer;
    }

    private JsonNode read(UpstreamResponse response) {
        try {
            JsonNode node = json.readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
