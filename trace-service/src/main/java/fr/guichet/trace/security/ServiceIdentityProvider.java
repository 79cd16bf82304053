package fr.guichet.trace.security;

import fr.guichet.trace.config.TraceConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Basic authentication of the services that write traces: client name and shared secret from
 * {@code guichet.trace.ingestion.clients.<client>}. token-service may also read partners' traces.
 */
@Startup
@ApplicationScoped
public class ServiceIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Map<String, String> secrets;

    public ServiceIdentityProvider(TraceConfig config) {
        this.secrets = Map.copyOf(config.ingestion().clients());
    }

    @PostConstruct
    void checkSecrets() {
        for (String client : new String[] {Roles.CLIENT_GATEWAY, Roles.CLIENT_TOKEN_SERVICE}) {
            String secret = secrets.get(client);
            if (secret == null || secret.isBlank()) {
                throw new IllegalStateException("guichet.trace.ingestion.clients." + client + " must be set");
            }
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String client = request.getUsername();
        String expected = secrets.get(client);
        byte[] given = new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unknown trace client or bad secret"));
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(client))
                .addRole(Roles.TRACE_WRITER);
        if (Roles.CLIENT_TOKEN_SERVICE.equals(client)) {
            identity.addRole(Roles.PARTNER_READER);
        }
        return Uni.createFrom().item(identity.build());
    }
}
