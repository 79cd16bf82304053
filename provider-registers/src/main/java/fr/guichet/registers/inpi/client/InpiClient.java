package fr.guichet.registers.inpi.client;

import static fr.guichet.registers.upstream.RegisterUpstream.INPI_RNE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.registers.upstream.UpstreamCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * INPI's RNE API with the bearer token of {@link InpiTokens}, headers as API Entreprise's recorded
 * RNE calls ({@code Authorization: Bearer}, {@code Content-Type: application/json}). A 401 drops
 * the token and tries once more with a new one. Answers read as the reference implementation reads
 * them: 404 → 404 {@code 34003}; 200 that is not JSON → 502 {@code 34001}; 429 → 429
 * {@code 34008}; any other → 502 {@code 34999}, with the exceptions each method names.
 */
@ApplicationScoped
public class InpiClient {

    /** The two kinds of RNE attachments, each with its download path ({@code /api/<kind>/{id}/download}). */
    public enum Attachment {
        ACTES("actes"), BILANS("bilans");

        private final String path;

        Attachment(String path) {
            this.path = path;
        }

        /** The attachments list's field and the download path's segment. */
        public String path() {
            return path;
        }
    }

    private final UpstreamCalls calls;
    private final InpiTokens tokens;
    private final ObjectMapper json;

    public InpiClient(UpstreamCalls calls, InpiTokens tokens, ObjectMapper json) {
        this.calls = calls;
        this.tokens = tokens;
        this.json = json;
    }

    /** The RNE record of {@code siren} (9 digits, checked by the caller), {@code GET /api/companies/{siren}}. */
    public JsonNode company(String siren) {
        UpstreamResponse response = authorized("/api/companies/" + siren, "/api/companies/{siren}");
        return switch (response.status()) {
            case 200 -> read(response.body());
            case 404 -> throw INPI_RNE.notFound();
            case 429 -> throw INPI_RNE.failure(429, "008");
            default -> throw INPI_RNE.unknownAnswer();
        };
    }

    /**
     * The actes and bilans INPI lists for {@code siren}, {@code GET /api/companies/{siren}/attachments}
     * (recorded). As the reference reads it: 404, or 200 with an empty object → 404 {@code 34003};
     * 200 listing neither actes nor bilans → 502 {@code 34999}; 500 → 502 {@code 34000}.
     */
    public JsonNode attachments(String siren) {
        UpstreamResponse response = authorized("/api/companies/" + siren + "/attachments", "/api/companies/{siren}/attachments");
        return switch (response.status()) {
            case 200 -> {
                JsonNode body = read(response.body());
                if (body.isEmpty()) {
                    throw INPI_RNE.notFound();
                }
                if (!listed(body, Attachment.ACTES) && !listed(body, Attachment.BILANS)) {
                    throw INPI_RNE.unknownAnswer();
                }
                yield body;
            }
            case 404 -> throw INPI_RNE.notFound();
            case 429 -> throw INPI_RNE.failure(429, "008");
            case 500 -> throw INPI_RNE.failure(502, "000");
            default -> throw INPI_RNE.unknownAnswer();
        };
    }

    /**
     * The PDF of one acte or bilan, {@code GET /api/<actes|bilans>/{id}/download} (recorded): 200 →
     * its bytes; 429 → 429 {@code 34008}; anything else → 502 {@code 34999}.
     */
    public byte[] download(Attachment kind, String id) {
        UpstreamResponse response = authorized("/api/" + kind.path() + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "/download", "/api/" + kind.path() + "/{id}/download");
        return switch (response.status()) {
            case 200 -> response.body();
            case 429 -> throw INPI_RNE.failure(429, "008");
            default -> throw INPI_RNE.unknownAnswer();
        };
    }

    private static boolean listed(JsonNode body, Attachment kind) {
        return body.path(kind.path()).isArray() && !body.path(kind.path()).isEmpty();
    }

    private UpstreamResponse authorized(String path, String metricPath) {
        String token = tokens.token();
        UpstreamResponse response = get(path, metricPath, token);
        if (response.status() == 401) {
            tokens.reject(token);
            response = get(path, metricPath, tokens.token());
        }
        return response;
    }

    private UpstreamResponse get(String path, String metricPath, String token) {
        return calls.send(INPI_RNE, UpstreamRequest.get(path)
                .withHeader("Authorization", "Bearer " + token)
                .withHeader("Content-Type", "application/json")
                .withMetricPath(metricPath));
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // below
        }
        throw INPI_RNE.failure(502, "001");
    }
}
