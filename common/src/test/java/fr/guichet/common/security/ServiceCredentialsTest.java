package fr.guichet.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import fr.guichet.common.security.ServiceCredentials.InvalidServiceCredentialException;

class ServiceCredentialsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static ServiceCredentials at(Instant instant, String secret) {
        return new ServiceCredentials(secret, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aCredentialIsAcceptedByItsAudienceAndNamesItsCaller() {
        String credential = at(NOW, SECRET).credentialFor("gateway", "provider-insee");
        assertEquals("gateway", at(NOW.plusSeconds(60), SECRET).verify(credential, "provider-insee"));
    }

    @Test
    void anotherAudienceRefusesIt() {
        String credential = at(NOW, SECRET).credentialFor("gateway", "provider-insee");
        assertThrows(InvalidServiceCredentialException.class,
                () -> at(NOW, SECRET).verify(credential, "token-service"));
    }

    @Test
    void anotherSecretRefusesIt() {
        String credential = at(NOW, SECRET).credentialFor("gateway", "provider-insee");
        assertThrows(InvalidServiceCredentialException.class,
                () -> at(NOW, "ffffffffffffffffffffffffffffffff").verify(credential, "provider-insee"));
    }

    @Test
    void anExpiredCredentialIsRefused() {
        String credential = at(NOW, SECRET).credentialFor("gateway", "provider-insee");
        Instant late = NOW.plusSeconds(ServiceCredentials.LIFETIME_SECONDS + ServiceCredentials.CLOCK_SKEW_SECONDS + 1);
        assertThrows(InvalidServiceCredentialException.class,
                () -> at(late, SECRET).verify(credential, "provider-insee"));
    }

    @Test
    void absentOrMalformedCredentialsAreRefused() {
        ServiceCredentials credentials = at(NOW, SECRET);
        assertThrows(InvalidServiceCredentialException.class, () -> credentials.verify(null, "provider-insee"));
        assertThrows(InvalidServiceCredentialException.class, () -> credentials.verify("", "provider-insee"));
        assertThrows(InvalidServiceCredentialException.class, () -> credentials.verify("a.b.c", "provider-insee"));
    }

    @Test
    void anUnsignedCredentialIsRefused() throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("gateway");
        claims.setAudience("provider-insee");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(1);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        String unsigned = jws.getCompactSerialization();
        assertThrows(InvalidServiceCredentialException.class,
                () -> new ServiceCredentials(SECRET).verify(unsigned, "provider-insee"));
    }

    @Test
    void theCredentialIsReusedUntilCloseToExpiry() {
        ServiceCredentials early = at(NOW, SECRET);
        String first = early.credentialFor("gateway", "provider-insee");
        assertEquals(first, early.credentialFor("gateway", "provider-insee"));
        assertNotEquals(first, early.credentialFor("gateway", "provider-dgfip"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceCredentials("short"));
    }
}
