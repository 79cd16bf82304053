package fr.guichet.certifications.opqibi.client;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.certifications.upstream.CertificationUpstream;
import fr.guichet.certifications.upstream.UpstreamCalls;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * OPQIBI's certificate service as recorded: {@code GET <url>/certificats/<siren>}, no credential.
 * 404 (OPQIBI answers it in plain text) is "not certified", as API Entreprise reads it.
 */
@ApplicationScoped
public class OpqibiClient {

    private static final CertificationUpstream UPSTREAM = CertificationUpstream.OPQIBI;

    private final UpstreamCalls calls;

    public OpqibiClient(UpstreamCalls calls) {
        this.calls = calls;
    }

    /**
     * OPQIBI's certificate of {@code siren}.
     *
     * @throws fr.guichet.common.error.ApiException 404 11003 on OPQIBI's 404, 502 11999 for any other
     *         status or an unreadable answer, the transport errors of {@link UpstreamCalls}
     */
    public JsonNode certificate(String siren) {
        UpstreamResponse response = calls.send(UPSTREAM, UpstreamRequest.get("/certificats/" + siren)
                .withHeader("Accept", "*/*")
                .withHeader("Content-Type", "application/json")
                .withMetricPath("/certificats/{siren}"));
        if (response.status() == 404) {
            throw UPSTREAM.notFound();
        }
        return calls.jsonObject(UPSTREAM, response);
    }
}
