package fr.guichet.social.client;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import fr.guichet.social.error.UpstreamErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One call to a named upstream of the kit (timeout, circuit breaker, bulkhead, metrics), its
 * failures already in API Entreprise's families ({@link UpstreamErrors}): what is left to a
 * feature's client is reading an answer that came.
 */
@ApplicationScoped
public class UpstreamCalls {

    private static final Logger LOG = Logger.getLogger(UpstreamCalls.class);

    private final Upstreams upstreams;

    public UpstreamCalls(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /**
     * The upstream's answer; 502/503 become 503 {@code XX001}, 504 becomes 504 {@code XX002}.
     *
     * @throws fr.guichet.common.error.ApiException when no usable answer came
     */
    public UpstreamResponse call(String upstream, UpstreamRequest request, OperationDeclaration operation) {
        UpstreamResponse response;
        try {
            response = upstreams.client(upstream).call(request);
        } catch (UpstreamFailure failure) {
            LOG.warnf("%s: no answer (%s)", upstream, failure.kind());
            throw UpstreamErrors.of(operation, failure);
        }
        UpstreamErrors.checkGatewayStatus(operation, response.status());
        return response;
    }

    /**
     * A setting production needs; without it the call is 502 {@code XX999} (logged: the operator
     * must set it), never a request to a half-configured upstream.
     */
    public static String required(Optional<String> value, String property, OperationDeclaration operation) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> {
            LOG.errorf("%s is not set: %s cannot be served in production mode", property, operation.id());
            return UpstreamErrors.unknownAnswer(operation);
        });
    }
}
