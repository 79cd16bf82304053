package fr.guichet.social.cnetp.client;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.social.client.UpstreamCalls;
import fr.guichet.social.config.SocialConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CNETP's web service as recorded: {@code GET <url>/webservice/doc/attestations/entreprises?id=<client
 * number>&jeton=<token>&siren=} with {@code Content-Type: application/octet-stream}; it answers the
 * certificate PDF, or 404 with a Latin-1 text.
 */
@ApplicationScoped
public class CnetpClient {

    /** The kit's named upstream ({@code guichet.upstream.cnetp.*}). */
    public static final String UPSTREAM = "cnetp";
    private static final String PATH = "/webservice/doc/attestations/entreprises";

    private final UpstreamCalls calls;
    private final SocialConfig config;

    public CnetpClient(UpstreamCalls calls, SocialConfig config) {
        this.calls = calls;
        this.config = config;
    }

    /** CNETP's answer, whatever its status (the handler reads it). */
    public UpstreamResponse attestation(OperationDeclaration operation, String siren) {
        String base = UpstreamCalls.required(config.cnetp().url(), "guichet.social.cnetp.url", operation);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("id", UpstreamCalls.required(config.cnetp().clientNumber(), "guichet.social.cnetp.client-number", operation));
        query.put("jeton", UpstreamCalls.required(config.cnetp().token(), "guichet.social.cnetp.token", operation));
        query.put("siren", siren);
        return calls.call(UPSTREAM, UpstreamRequest.get(base + PATH).withQuery(query)
                .withHeader("Content-Type", "application/octet-stream").withMetricPath(PATH), operation);
    }
}
