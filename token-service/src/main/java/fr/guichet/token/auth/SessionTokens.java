package fr.guichet.token.auth;

import fr.guichet.token.key.JwtService;
import fr.guichet.token.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** Short-lived session JWTs for the console (admin, auditor, partner): {@code typ session+jwt}. */
@ApplicationScoped
public class SessionTokens {

    public static final String GROUP_ADMIN = "admin";
    public static final String GROUP_AUDITOR = "auditor";
    public static final String GROUP_PARTNER = "partner";

    @Inject
    JwtService jwts;

    @Inject
    TimeSource time;

    public String issue(String subject, List<String> groups, String siret, Duration ttl) {
        Instant now = time.now();
        JwtClaims claims = new JwtClaims();
        claims.setAudience(JwtService.AUDIENCE_CONSOLE);
        claims.setSubject(subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setStringListClaim("groups", groups);
        if (siret != null) {
            claims.setClaim("siret", siret);
        }
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ttl).getEpochSecond()));
        return jwts.sign(JwtService.TYP_SESSION, claims).value();
    }
}
