package fr.guichet.certifications.fntp.client;

import fr.guichet.certifications.config.CertificationsConfig;
import fr.guichet.certifications.upstream.CertificationUpstream;
import fr.guichet.certifications.upstream.UpstreamCalls;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * FNTP's professional card service as recorded: {@code GET <url>/rip/sgmap/<siren>/cartepro?token=<token>}
 * with {@code Content-Type: application/pdf}; the answer is the card itself, a PDF.
 */
@ApplicationScoped
public class FntpClient {

    private static final CertificationUpstream UPSTREAM = CertificationUpstream.FNTP;

    private final UpstreamCalls calls;
    private final CertificationsConfig config;

    public FntpClient(UpstreamCalls calls, CertificationsConfig config) {
        this.calls = calls;
        this.config = config;
    }

    /**
     * The PDF card of {@code siren}.
     *
     * @throws fr.guichet.common.error.ApiException 404 12003 on FNTP's 404, 502 12000 on its 500,
     *         502 12999 for any other status or an answer that is not a PDF, the transport errors of
     *         {@link UpstreamCalls}
     */
    public byte[] card(String siren) {
        String token = config.fntp().token().orElseThrow(() -> UpstreamCalls.notConfigured(UPSTREAM, "guichet.certifications.fntp.token"));
        UpstreamResponse response = calls.send(UPSTREAM, UpstreamRequest.get("/rip/sgmap/" + siren + "/cartepro")
                .withQuery(Map.of("token", token))
                .withHeader("Accept", "*/*")
                .withHeader("Content-Type", "application/pdf")
                .withMetricPath("/rip/sgmap/{siren}/cartepro"));
        if (response.status() == 404) {
            throw UPSTREAM.notFound();
        }
        if (response.status() == 500) {
            throw UPSTREAM.failure(502, "000");
        }
        return UpstreamCalls.pdf(UPSTREAM, response);
    }
}
