package fr.guichet.registers.rnm.client;

import static fr.guichet.registers.upstream.RegisterUpstream.CMA_FRANCE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.registers.upstream.UpstreamCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;

/**
 * CMA France's Répertoire national des métiers: {@code GET /v2/entreprises/{siren}?format=json},
 * without authentication, as recorded by API Entreprise. A 200 holding the company (its {@code id})
 * is the answer; 404 is 404 {@code 15003}; anything else (another status, a body without the
 * company or not JSON) is 502 {@code 15999}, as the reference implementation answers.
 */
@ApplicationScoped
public class RnmClient {

    private final UpstreamCalls calls;
    private final ObjectMapper json;

    public RnmClient(UpstreamCalls calls, ObjectMapper json) {
        this.calls = calls;
        this.json = json;
    }

    /** The RNM's record of {@code siren} (9 digits, checked by the caller). */
    public JsonNode entreprise(String siren) {
        UpstreamRequest request = UpstreamRequest.get("/v2/entreprises/" + siren)
                .withQuery(Map.of("format", "json"))
                .withHeader("Content-Type", "application/json")
                .withMetricPath("/v2/entreprises/{siren}");
        UpstreamResponse response = calls.send(CMA_FRANCE, request);
        if (response.status() == 404) {
            throw CMA_FRANCE.notFound();
        }
        if (response.status() == 200) {
            try {
                JsonNode body = json.readTree(response.body());
                if (body != null && body.hasNonNull("id")) {
                    return body;
                }
            } catch (IOException e) {
                // not JSON: an unknown answer, below
            }
        }
        throw CMA_FRANCE.unknownAnswer();
    }
}
