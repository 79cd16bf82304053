package fr.guichet.token.operator.service;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses the live session of an operator deactivated since it logged in: a session JWT lives up
 * to {@code guichet.token.admin.session-ttl}, but its operator must still be active on each call
 * (one indexed read, for operator sessions only). Refused sessions answer 401.
 */
@ApplicationScoped
public class OperatorSessionCheck implements SecurityIdentityAugmentor {

    @Inject
    OperatorService operators;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getSubject() == null || !jwt.getSubject().startsWith(OperatorService.SUBJECT_PREFIX)) {
            return Uni.createFrom().item(identity);
        }
        String email = jwt.getSubject().substring(OperatorService.SUBJECT_PREFIX.length());
        return operators.isActive(email).map(active -> {
            if (!active) {
                throw new AuthenticationFailedException("Operator deactivated");
            }
            return identity;
        });
    }
}
