package fr.guichet.certifications.carif_oref.client;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.certifications.config.CertificationsConfig;
import fr.guichet.certifications.upstream.CertificationUpstream;
import fr.guichet.certifications.upstream.UpstreamCalls;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The CARIF-OREF's Quiforme API as recorded: {@code GET <url>/organisme/<siret>} with the
 * {@code Token-Connexion} header. An organisation it does not know comes back as 200 with
 * {@code siret_actif: null} (recorded), read as not found, as API Entreprise does.
 */
@ApplicationScoped
public class QuiformeClient {

    private static final CertificationUpstream UPSTREAM = CertificationUpstream.CARIF_OREF;

    private final UpstreamCalls calls;
    private final CertificationsConfig config;

    public QuiformeClient(UpstreamCalls calls, CertificationsConfig config) {
        this.calls = calls;
        this.config = config;
    }

    /**
     * Quiforme's record of {@code siret}.
     *
     * @throws fr.guichet.common.error.ApiException 404 33003 on a 404 or {@code siret_actif: null},
     *         502 33999 for any other status or an unreadable answer, the transport errors of {@link UpstreamCalls}
     */
    public JsonNode organisme(String siret) {
        String token = config.carifOref().token()
                .orElseThrow(() -> UpstreamCalls.notConfigured(UPSTREAM, "guichet.certifications.carif-oref.token"));
        UpstreamResponse response = calls.send(UPSTREAM, UpstreamRequest.get("/organisme/" + siret)
                .withHeader("Accept", "application/json")
                .withHeader("Content-Type", "application/json")
                .withHeader("Token-Connexion", token)
                .withMetricPath("/organisme/{siret}"));
        if (response.status() == 404) {
            throw UPSTREAM.notFound();
        }
        JsonNode body = calls.jsonObject(UPSTREAM, response);
        if (body.path("siret_actif").isNull() || body.path("siret_actif").isMissingNode()) {
            throw UPSTREAM.notFound();
        }
        return body;
    }
}
