package fr.guichet.certifications.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import fr.guichet.providerkit.upstream.UpstreamsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The certifying bodies through the kit's upstream clients (one pool, timeout, circuit breaker,
 * bulkhead and metrics each), with what API Entreprise's reference implementation does for every
 * upstream of this family when no usable answer comes (its {@code MakeRequest}):
 *
 * <ul>
 *   <li>timeout, connect timeout, HTTP 504: 504 {@code XX002};</li>
 *   <li>connection refused or reset, HTTP 502 or 503: 502 {@code XX001};</li>
 *   <li>unknown host: 502 {@code XX004}; TLS failure: 502 {@code XX009};</li>
 *   <li>circuit open or too many calls in flight (the upstream was not called): 503 {@code XX001}
 *       with {@code retry_in}, Guichet's own answer;</li>
 *   <li>upstream URL or credential not configured: 502 {@code XX006}.</li>
 * </ul>
 * Blocking: worker threads only.
 */
@ApplicationScoped
public class UpstreamCalls {

    private static final byte[] PDF_MAGIC = "%PDF".getBytes(StandardCharsets.US_ASCII);

    private final Upstreams upstreams;
    private final UpstreamsConfig config;
    private final ObjectMapper json;

    public UpstreamCalls(Upstreams upstreams, UpstreamsConfig config, ObjectMapper json) {
        this.upstreams = upstreams;
        this.config = config;
        this.json = json;
    }

    /**
     * Sends {@code request} (relative to the upstream's configured URL) and returns its answer,
     * whatever its status except 502, 503 and 504, which are the upstream's outage.
     */
    public UpstreamResponse send(CertificationUpstream upstream, UpstreamRequest request) {
        if (configuredUrl(upstream).isEmpty()) {
            throw notConfigured(upstream, "guichet.upstream." + upstream.upstreamName() + ".url");
        }
        UpstreamResponse response;
        try {
            response = upstreams.client(upstream.upstreamName()).call(request);
        } catch (UpstreamFailure e) {
            throw switch (e.kind()) {
                case TIMEOUT, CONNECT_TIMEOUT -> upstream.failure(504, "002");
                case UNREACHABLE -> upstream.failure(502, "001");
                case DNS -> upstream.failure(502, "004");
                case TLS -> upstream.failure(502, "009");
                case CIRCUIT_OPEN, BULKHEAD_FULL -> new ApiException(503,
                        upstream.error("001").withMeta("retry_in", circuitDelaySeconds(upstream)));
            };
        }
        return switch (response.status()) {
            case 502, 503 -> throw upstream.failure(502, "001");
            case 504 -> throw upstream.failure(504, "002");
            default -> response;
        };
    }

    /**
     * The JSON object of a 200 answer.
     *
     * @throws ApiException 502 {@code XX999} when the status is not 200 or the body is not a JSON object
     */
    public JsonNode jsonObject(CertificationUpstream upstream, UpstreamResponse response) {
        if (response.status() != 200) {
            throw upstream.unknownAnswer();
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw upstream.unknownAnswer();
            }
            return body;
        } catch (IOException e) {
            throw upstream.unknownAnswer();
        }
    }

    /**
     * The PDF of a 200 answer.
     *
     * @throws ApiException 502 {@code XX999} when the status is not 200 or the body is empty or not a PDF
     */
    public static byte[] pdf(CertificationUpstream upstream, UpstreamResponse response) {
        byte[] body = response.body();
        if (response.status() != 200 || body == null || body.length < PDF_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(body, PDF_MAGIC.length), PDF_MAGIC)) {
            throw upstream.unknownAnswer();
        }
        return body;
    }

    /** The upstream's base URL, when set. */
    public Optional<String> configuredUrl(CertificationUpstream upstream) {
        return Optional.ofNullable(config.upstreams().get(upstream.upstreamName())).flatMap(UpstreamsConfig.Upstream::url);
    }

    /** 502 {@code XX006}: the platform holds no credential for this upstream. */
    public static ApiException notConfigured(CertificationUpstream upstream, String setting) {
        return upstream.failure(502, "006", "Guichet n'est pas configuré pour appeler ce fournisseur (" + setting + ").");
    }

    private long circuitDelaySeconds(CertificationUpstream upstream) {
        return Optional.ofNullable(config.upstreams().get(upstream.upstreamName()))
                .map(u -> u.circuitBreaker().delay().toSeconds()).orElse(30L);
    }
}
