package fr.guichet.social.conventions.client;

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
import org.jboss.logging.Logger;

/**
 * The Fabrique numérique des ministères sociaux's search of collective agreements by SIRET, as
 * recorded: {@code GET <url>/<siret>} ({@code Content-Type: application/json}, no authentication),
 * answering {@code [{"siret": ..., "conventions": [...]}]}.
 */
@ApplicationScoped
public class FabriqueClient {

    /** The kit's named upstream ({@code guichet.upstream.fabrique-numerique.*}). */
    public static final String UPSTREAM = "fabrique-numerique";
    private static final Logger LOG = Logger.getLogger(FabriqueClient.class);

    private final UpstreamCalls calls;
    private final SocialConfig config;
    private final ObjectMapper json;

    public FabriqueClient(UpstreamCalls calls, SocialConfig config, ObjectMapper json) {
        this.calls = calls;
        this.config = config;
        this.json = json;
    }

    /**
     * The conventions of the establishment (the first item's {@code conventions}), never empty.
     *
     * @throws fr.guichet.common.error.ApiException 404 {@code 14003} (HTTP 404, or no convention),
     *         502 {@code 14999} (another status, unreadable answer), and {@link UpstreamCalls}'s failures
     */
    public JsonNode conventions(OperationDeclaration operation, String siret) {
        String base = UpstreamCalls.required(config.fabrique().url(), "guichet.social.fabrique.url", operation);
        UpstreamResponse response = calls.call(UPSTREAM, UpstreamRequest.get(base.replaceAll("/+$", "") + "/" + siret)
                .withHeader("Content-Type", "application/json").withMetricPath("/{siret}"), operation);
        if (response.status() == 404) {
            throw UpstreamErrors.notFound(operation);
        }
        JsonNode body = response.status() == 200 ? read(response.body()) : null;
        if (body == null || !body.isArray()) {
            LOG.errorf("Fabrique numérique: HTTP %d, unreadable or unexpected answer", response.status());
            throw UpstreamErrors.unknownAnswer(operation);
        }
        JsonNode conventions = body.path(0).path("conventions");
        if (!conventions.isArray() || conventions.isEmpty()) {
            throw UpstreamErrors.notFound(operation);
        }
        return conventions;
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
