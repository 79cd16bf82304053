package fr.guichet.associations.rna.client;

import fr.guichet.associations.config.AssociationsConfig;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The ministère de l'Intérieur's association record, as recorded (upstream/entreprise/mi
 * cassettes): {@code GET <url>/apim/api-asso-partenaires/api/structure/<siret_or_rna>?proxy_only=true}
 * with the header {@code X-Gravitee-Api-Key}; an XML answer ({@code <asso>...</asso>}). Runs
 * under the kit's upstream {@value #UPSTREAM}; blocking, for worker threads.
 */
@ApplicationScoped
public class RnaClient {

    /** The kit's upstream name: settings {@code guichet.upstream.mi.*}, circuit, metrics. */
    public static final String UPSTREAM = "mi";

    private final Upstreams upstreams;
    private final AssociationsConfig config;

    public RnaClient(Upstreams upstreams, AssociationsConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    /** True when the URL and the API key are set (production readiness). */
    public boolean configured() {
        return config.mi().url().isPresent() && config.mi().apiKey().isPresent();
    }

    /**
     * The ministry's answer for a SIRET or an RNA number, whatever its status.
     *
     * @throws fr.guichet.providerkit.upstream.UpstreamFailure when no answer came
     * @throws IllegalStateException when the upstream is not configured (502 {@code 21999})
     */
    public UpstreamResponse structure(String siretOrRna) {
        String url = config.mi().url().orElseThrow(() -> new IllegalStateException("guichet.associations.mi.url is not set"));
        String key = config.mi().apiKey().orElseThrow(() -> new IllegalStateException("guichet.associations.mi.api-key is not set"));
        return upstreams.client(UPSTREAM).call(UpstreamRequest
                .get(url + "/apim/api-asso-partenaires/api/structure/" + URLEncoder.encode(siretOrRna, StandardCharsets.UTF_8))
                .withQuery(Map.of("proxy_only", "true"))
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Gravitee-Api-Key", key)
                .withMetricPath("/apim/api-asso-partenaires/api/structure/{id}"));
    }

    /**
     * The base under which the ministry serves an association's documents
     * ({@code <url>/apim/api-asso/}); only URLs under it are fetched.
     */
    public String documentsBase() {
        return config.mi().url().orElseThrow(() -> new IllegalStateException("guichet.associations.mi.url is not set"))
                .replaceAll("/+$", "") + "/apim/api-asso/";
    }

    /**
     * One document of an association, {@code GET <url>/apim/api-asso/api/documents/PJ/<id>} as
     * recorded: without the API key, which the recorded download does not send.
     *
     * @param url the document URL of the record, already checked to be under {@link #documentsBase()}
     * @throws fr.guichet.providerkit.upstream.UpstreamFailure when no answer came
     */
    public UpstreamResponse document(String url) {
        return upstreams.client(UPSTREAM).call(UpstreamRequest.get(url)
                .withMetricPath("/apim/api-asso/api/documents/{id}"));
    }
}
