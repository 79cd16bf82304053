package fr.guichet.trace.support;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * Session JWTs shaped like token-service's (ES256, {@code typ: session+jwt}, audience
 * {@code urn:guichet:console}), signed with the test key whose JWKS the verifier is configured with.
 */
public final class SessionTokens {

    private static final PrivateKey KEY = load();

    private SessionTokens() {
    }

    public static String admin() {
        return sign("admin@guichet.test", Set.of("admin"), null);
    }

    public static String auditor() {
        return sign("auditor@guichet.test", Set.of("auditor"), null);
    }

    public static String partner(String siret) {
        return sign("partner-" + siret + "@guichet.test", Set.of("partner"), siret);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    static String sign(String subject, Set<String> groups, String siret) {
        var builder = Jwt.issuer("urn:guichet:token-service").audience("urn:guichet:console").subject(subject)
                .upn(subject).groups(groups).expiresIn(600);
        if (siret != null) {
            builder.claim("siret", siret);
        }
        return builder.jws().keyId("test-session-key").header("typ", "session+jwt")
                .algorithm(SignatureAlgorithm.ES256).sign(KEY);
    }

    private static PrivateKey load() {
        try (InputStream in = SessionTokens.class.getClassLoader().getResourceAsStream("session-signing-test.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
