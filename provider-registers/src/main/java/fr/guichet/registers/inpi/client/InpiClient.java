package fr.guichet.registers.inpi.client;

import static fr.guichet.registers.upstream.RegisterUpstream.INPI_RNE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.registers.upstream.UpstreamCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * INPI's RNE company record, {@code GET /api/companies/{siren}} with the bearer token of
 * {@link InpiTokens}, headers as API Entreprise's recorded RNE calls. A 401 drops the token and
 * tries once more with a new one. Answers read as the reference implementation reads them: 404
 * → 404 {@code 34003}; 200 that is not JSON → 502 {@code 34001}; 429 → 429 {@code 34008}; any
 * other → 502 {@code 34999}.
 */
@ApplicationScoped
public class InpiClient {

    private final UpstreamCalls calls;
    private final InpiTokens tokens;
    private final ObjectMapper json;

    public InpiClient(UpstreamCalls calls, InpiTokens tokens, ObjectMapper json) {
        this.calls = calls;
        this.tokens = tokens;
        this.json = json;
    }

    /** The RNE record of {@code siren} (9 digits, checked by the caller). */
    public JsonNode company(String siren) {
        String token = tokens.token();
        UpstreamResponse response = get(siren, token);
        if (response.status() == 401) {
            tokens.reject(token);
            response = get(siren, tokens.token());
        }
        return switch (response.status()) {
            case 200 -> read(response.body());
            case 404 -> throw INPI_RNE.notFound();
            case 429 -> throw INPI_RNE.failure(429, "008");
            default -> throw INPI_RNE.unknownAnswer();
        };
    }

    private UpstreamResponse get(String siren, String token) {
        return calls.send(INPI_RNE, UpstreamRequest.get("/api/companies/" + siren)
                .withHeader("Authorization", "Bearer " + token)
                .withHeader("Content-Type", "application/json")
                .withMetricPath("/api/companies/{siren}"));
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
