package fr.guichet.token.auth;

import fr.guichet.token.key.JwtService;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Verifies bearer session tokens against token-service's own live keys, in memory: no HTTP call
 * to our own JWKS, and a retired key stops verifying at once. Only {@code typ session+jwt} with
 * audience {@code urn:guichet:console} is accepted, so an API token never opens the console.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class SessionTokenPrincipalFactory extends JWTCallerPrincipalFactory {

    @Inject
    JwtService jwts;

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        try {
            JwtClaims claims = jwts.verify(token, JwtService.TYP_SESSION, JwtService.AUDIENCE_CONSOLE);
            return new DefaultJWTCallerPrincipal(token, JwtService.TYP_SESSION, claims);
        } catch (InvalidJwtException e) {
            throw new ParseException("Invalid session token", e);
        }
    }
}
