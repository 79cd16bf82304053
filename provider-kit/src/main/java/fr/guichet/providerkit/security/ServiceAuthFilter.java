package fr.guichet.providerkit.security;

import fr.guichet.common.security.ServiceCredentials;
import fr.guichet.providerkit.error.ProviderErrors;
import fr.guichet.providerkit.error.ProviderExceptionMapper;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Only the gateway may call a provider's data and document routes: when
 * {@code guichet.service-auth.secret} is set (mandatory in {@code %prod}), a call without a valid
 * {@link ServiceCredentials} credential whose audience is this service ({@code quarkus.application.name},
 * e.g. {@code provider-insee}) gets 401 00101. Health, metrics and OpenAPI ({@code /q/...}) stay
 * open: the platform probes them. Without the secret (dev, a provider's own tests) nothing is checked.
 */
public class ServiceAuthFilter {

    private static final Logger LOG = Logger.getLogger(ServiceAuthFilter.class);

    private final Optional<ServiceCredentials> credentials;
    private final String audience;

    public ServiceAuthFilter(@ConfigProperty(name = "guichet.service-auth.secret") Optional<String> secret,
                             @ConfigProperty(name = "quarkus.application.name") String audience) {
        this.credentials = secret.filter(s -> !s.isBlank()).map(ServiceCredentials::new);
        this.audience = audience;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> check(ContainerRequestContext request) {
        if (credentials.isEmpty() || isOpen(request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        try {
            credentials.get().verify(request.getHeaderString(ServiceCredentials.HEADER), audience);
            return Optional.empty();
        } catch (ServiceCredentials.InvalidServiceCredentialException e) {
            LOG.warnf("Call to %s refused: %s", request.getUriInfo().getPath(), e.getMessage());
            return Optional.of(ProviderExceptionMapper.toResponse(ProviderErrors.serviceCredentialRefused()));
        }
    }

    /** Platform routes (health, metrics, OpenAPI) answer anyone who can reach the service. */
    static boolean isOpen(String path) {
        return path.startsWith("/q/") || path.equals("/q");
    }
}
