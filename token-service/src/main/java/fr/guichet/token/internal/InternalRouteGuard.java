package fr.guichet.token.internal;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.security.ServiceCredentials;
import fr.guichet.token.config.ServiceAuthConfig;
import fr.guichet.token.error.TokenErrors;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /internal/...} route answers only Guichet's own services: the request must carry
 * a valid {@code X-Guichet-Service-Token} ({@link ServiceCredentials}, audience
 * {@value #AUDIENCE}, HS256 with {@code guichet.service-auth.secret}); otherwise 401 {@code 00809}.
 *
 * <p>Production refuses to start without the secret (fail closed). In dev and test runs without
 * one, the routes stay open and start-up says so loudly; once the secret is set, nothing unsigned
 * passes.
 */
@ApplicationScoped
public class InternalRouteGuard {

    /** The audience internal callers name when they call token-service. */
    public static final String AUDIENCE = "token-service";
    static final String PREFIX = "/internal";
    private static final Logger LOG = Logger.getLogger(InternalRouteGuard.class);

    private final Optional<ServiceCredentials> credentials;

    @jakarta.inject.Inject
    public InternalRouteGuard(ServiceAuthConfig config) {
        this(config, LaunchMode.current());
    }

    /**
     * @throws IllegalStateException in production ({@code mode} NORMAL) without a secret: the
     *         internal routes would answer anyone
     */
    public InternalRouteGuard(ServiceAuthConfig config, LaunchMode mode) {
        this.credentials = config.secret().filter(s -> !s.isBlank()).map(ServiceCredentials::new);
        if (credentials.isEmpty() && mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("guichet.service-auth.secret (GUICHET_SERVICE_AUTH_SECRET) is required in "
                    + "production: without it /internal routes would answer any caller. Set the installation's "
                    + "shared service secret (at least 32 bytes) from a Secret.");
        }
    }

    void announce(@Observes StartupEvent event) {
        if (credentials.isEmpty()) {
            LOG.warnf("guichet.service-auth.secret is not set (%s): /internal routes answer any caller; "
                    + "set GUICHET_SERVICE_AUTH_SECRET so that only Guichet's services reach them", LaunchMode.current());
        }
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (credentials.isEmpty() || !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"))) {
            return null;
        }
        try {
            credentials.get().verify(request.getHeaderString(ServiceCredentials.HEADER), AUDIENCE);
            return null;
        } catch (ServiceCredentials.InvalidServiceCredentialException e) {
            ApiException refused = TokenErrors.serviceCredentialRequired();
            return Response.status(refused.status()).type(MediaType.APPLICATION_JSON).entity(refused.body()).build();
        }
    }
}
