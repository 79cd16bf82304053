package fr.guichet.acoss.attestation.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.acoss.error.Errors;
import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.acoss.client.OAuth2Tokens;
import fr.guichet.acoss.client.UpstreamHttp;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * URSSAF's "attestations" API (the kit's upstream {@code urssaf}): OAuth2 client credentials, then a demand of attestation de vigilance
 * ({@code AVG_UR}) answered by the PDF in base64, or by a JSON list of {@code FUNCxxx} errors.
 */
@ApplicationScoped
public class UrssafClient {

    static final String TOKEN_PATH = "/api/oauth/v1/token";
    static final String DEMAND_PATH = "/attn/entreprise/v1/demandes/api_entreprise";
    static final String ATTESTATION_TYPE = "AVG_UR";

    private static final Logger LOG = Logger.getLogger(UrssafClient.class);
    private static final Set<String> NOT_FOUND = Set.of("FUNC501", "FUNC517");
    private static final Set<String> INTERNAL = Set.of("FUNC510", "FUNC511", "FUNC512", "FUNC513", "FUNC514",
            "FUNC515", "FUNC516");

    private final AcossConfig.Urssaf config;
    private final UpstreamHttp http;
    private final OAuth2Tokens tokens;
    private final ObjectMapper mapper;

    public UrssafClient(AcossConfig config, UpstreamHttp http, OAuth2Tokens tokens, ObjectMapper mapper) {
        this.config = config.urssaf();
        this.http = http;
        this.tokens = tokens;
        this.mapper = mapper;
    }

    /** Asks URSSAF for the attestation de vigilance of {@code siren}, on behalf of {@code recipient}. */
    public UrssafAnswer demand(String siren, String recipient) {
        String token = token();
        UpstreamResponse response = post(siren, recipient, token);
        if (response.status() == 401) {
            // A token revoked upstream before its announced expiry: fetch a new one, once.
            tokens.evict(Upstream.URSSAF, token);
            response = post(siren, recipient, token());
            if (response.status() == 401) {
                throw Upstream.URSSAF.failure(502, "006");
            }
        }
        return interpret(response.status(), response.text().trim());
    }

    /** A fresh or cached token; used by the readiness check and the ping as a cheap probe. */
    public String token() {
        String clientId = config.clientId().orElseThrow(() -> missingCredentials());
        String clientSecret = config.clientSecret().orElseThrow(() -> missingCredentials());
        return tokens.token(Upstream.URSSAF, baseUrl() + TOKEN_PATH, clientId, clientSecret, Optional.of(config.scope()));
    }

    private UpstreamResponse post(String siren, String recipient, String token) {
        Map<String, String> demand = new LinkedHashMap<>();
        demand.put("typeAttestation", ATTESTATION_TYPE);
        demand.put("siren", siren);
        demand.put("idClient", config.idClient());
        demand.put("beneficiaire", recipient);
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(demand);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        UpstreamRequest request = UpstreamRequest.post(baseUrl() + DEMAND_PATH, "application/json", json)
                .withHeader("Accept", "*/*")
                .withHeader("Authorization", "Bearer " + token);
        return http.send(Upstream.URSSAF, request);
    }

    UrssafAnswer interpret(int status, String body) {
        if (status == 200) {
            if (body.isEmpty()) {
                throw Errors.invalidFile("04056", "Le fichier renvoyé par le fournisseur de données est vide");
            }
            byte[] pdf = decodeBase64(body);
            if (pdf != null) {
                return new UrssafAnswer.Delivered(pdf);
            }
        }
        List<Map<String, Object>> errors = parseErrors(body);
        if (errors != null && !errors.isEmpty()) {
            return fromErrors(errors);
        }
        if (status == 200) {
            throw Errors.invalidFile("04051", "Erreur lors du décodage : la chaîne de caractères en base64 est invalide");
        }
        LOG.warnf("URSSAF answered HTTP %d without a usable body", status);
        if (status == 503) {
            throw Upstream.URSSAF.failure(504, "001");
        }
        if (status == 429) {
            throw Upstream.URSSAF.failure(502, "008");
        }
        if (status >= 500 || body.isEmpty()) {
            throw Upstream.URSSAF.failure(502, "000");
        }
        throw Upstream.URSSAF.failure(502, "999");
    }

    private UrssafAnswer fromErrors(List<Map<String, Object>> errors) {
        Set<String> codes = errors.stream().map(e -> String.valueOf(e.get("code"))).collect(Collectors.toSet());
        LOG.infof("URSSAF answered errors %s", codes);
        if (codes.contains("FUNC503")) {
            throw new ApiException(502, Errors.acoss("04501").withMeta("retry_in", Errors.MANUAL_ANALYSIS_RETRY_IN_SECONDS));
        }
        if (codes.contains("FUNC504")) {
            throw new ApiException(502, Errors.acoss("04502"));
        }
        if (codes.contains("FUNC502")) {
            return new UrssafAnswer.Refused(errors);
        }
        if (codes.contains("FUNC429")) {
            throw withProviderErrors("008", errors);
        }
        if (codes.stream().anyMatch(INTERNAL::contains)) {
            throw withProviderErrors("000", errors);
        }
        if (codes.stream().anyMatch(NOT_FOUND::contains)) {
            throw Errors.entityNotFound(errors);
        }
        throw withProviderErrors("999", errors);
    }

    private static ApiException withProviderErrors(String subcode, List<Map<String, Object>> errors) {
        ApiError error = Upstream.URSSAF.error(subcode).withMeta("provider_errors", errors);
        return new ApiException(502, error);
    }

    /** URSSAF's error body: a JSON array of {@code {code, message, description}}; null if it is not one. */
    private List<Map<String, Object>> parseErrors(String body) {
        if (!body.startsWith("[")) {
            return null;
        }
        try {
            return mapper.readValue(body, new TypeReference<List<Map<String, Object>>>() {
            });
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] decodeBase64(String body) {
        try {
            return Base64.getDecoder().decode(body.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String baseUrl() {
        return config.url().orElseThrow(() -> Upstream.URSSAF.failure(502, "006",
                "L'adresse de l'API de l'URSSAF n'est pas configurée (guichet.acoss.urssaf.url)."));
    }

    private static ApiException missingCredentials() {
        return Upstream.URSSAF.failure(502, "006",
                "Les identifiants OAuth2 de l'URSSAF ne sont pas configurés (guichet.acoss.urssaf.client-id et client-secret).");
    }
}
