package fr.guichet.providerkit.metrics;

import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.providerkit.operation.ProviderOperations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code guichet_provider_requests_seconds{operation,status,mode}}: every data call a provider
 * answers, in every mode (a sandbox case and an upstream's answer alike, errors included), so that
 * a sandbox deployment shows the same families as a production one.
 */
public class ProviderRequestMeter {

    /** Data paths only: {@code /v3/...}; health, metrics and OpenAPI are not calls. */
    private static final Pattern DATA_PATH = Pattern.compile("^/v[0-9]+/.+");
    private static final String STARTED = "guichet.provider.started";

    private final MeterRegistry registry;
    private final ProviderOperations operations;
    private final String mode;

    public ProviderRequestMeter(MeterRegistry registry, ProviderOperations operations, ProviderConfig config) {
        this.registry = registry;
        this.operations = operations;
        this.mode = config.mode().name().toLowerCase(Locale.ROOT);
    }

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!(started instanceof Long start) || !DATA_PATH.matcher(path).matches()) {
            return;
        }
        String operation = operations.resolve(request.getHeaderString(ProviderOperations.OPERATION_HEADER), path)
                .map(OperationDeclarations.Resolved::declaration).map(d -> d.id()).orElse("none");
        Timer.builder("guichet.provider.requests")
                .description("Data calls answered by this provider (sandbox case or upstream answer), by operation id, HTTP status and mode")
                .tag("operation", operation)
                .tag("status", Integer.toString(response.getStatus()))
                .tag("mode", mode)
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
