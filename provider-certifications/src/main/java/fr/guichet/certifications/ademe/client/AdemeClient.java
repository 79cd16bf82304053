package fr.guichet.certifications.ademe.client;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.certifications.config.CertificationsConfig;
import fr.guichet.certifications.upstream.CertificationUpstream;
import fr.guichet.certifications.upstream.UpstreamCalls;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ADEME's RGE history (data.ademe.fr, dataset {@code historique-rge}) as recorded:
 * {@code GET <url>?qs=siret:<siret> AND traitement_termine:false&size=<size>} with the API key in
 * {@code X-Apikey} and the platform's {@code Referer}. Only certificates still being processed
 * ({@code traitement_termine:false}) are asked for, as API Entreprise does.
 */
@ApplicationScoped
public class AdemeClient {

    private static final CertificationUpstream UPSTREAM = CertificationUpstream.ADEME;

    private final UpstreamCalls calls;
    private final CertificationsConfig config;

    public AdemeClient(UpstreamCalls calls, CertificationsConfig config) {
        this.calls = calls;
        this.config = config;
    }

    /**
     * The {@code results} ADEME holds for {@code siret}, with its {@code total}.
     *
     * @throws fr.guichet.common.error.ApiException 404 19003 when ADEME has none, 502 19999 for any
     *         other status or an unreadable answer, the transport errors of {@link UpstreamCalls}
     */
    public JsonNode certificates(String siret) {
        String apiKey = config.ademe().apiKey().orElseThrow(() -> UpstreamCalls.notConfigured(UPSTREAM, "guichet.certifications.ademe.api-key"));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("qs", "siret:" + siret + " AND traitement_termine:false");
        query.put("size", Integer.toString(config.ademe().size()));
        UpstreamResponse response = calls.send(UPSTREAM, UpstreamRequest.get("").withQuery(query)
                .withHeader("Accept", "*/*")
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Apikey", apiKey)
                .withHeader("Referer", config.ademe().referer())
                .withMetricPath("/lines"));
        JsonNode body = calls.jsonObject(UPSTREAM, response);
        if (!body.path("results").isArray()) {
            throw UPSTREAM.unknownAnswer();
        }
        if (body.path("results").isEmpty()) {
            throw UPSTREAM.notFound();
        }
        return body;
    }
}
