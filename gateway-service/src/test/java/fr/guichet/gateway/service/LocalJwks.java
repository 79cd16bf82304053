package fr.guichet.gateway.service;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;

/**
 * A key set served at {@code /.well-known/jwks.json} for this module's tests, so that a data call
 * passes the token check and reaches the incident switch; only the JWKS route exists (the token
 * state the guard needs is never reached by a cut call).
 */
public class LocalJwks implements QuarkusTestResourceLifecycleManager {

    private static EllipticCurveJsonWebKey key;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId("local-" + UUID.randomUUID());
            byte[] jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                    .getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("guichet.gateway.token-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** An API token for {@code scopes}, signed with the served key, valid one hour. */
    public static String token(List<String> scopes) throws Exception {
        return issue(scopes, null).token();
    }

    /**
     * A signed token and what its claims say.
     *
     * @param habilitationId its {@code sub}
     */
    public record Issued(String token, String jti, String habilitationId) {
    }

    /** An API token of {@code apiKind} ({@code particulier}; null: no claim, i.e. entreprise), valid one hour. */
    public static Issued issue(List<String> scopes, String apiKind) throws Exception {
        JwtClaims c = new JwtClaims();
        c.setIssuer("urn:guichet:token-service");
        c.setAudience("urn:guichet:gateway");
        String sub = UUID.randomUUID().toString();
        c.setSubject(sub);
        if (apiKind != null) {
            c.setClaim("api_kind", apiKind);
        }
        String jti = UUID.randomUUID().toString();
        c.setJwtId(jti);
        c.setClaim("uid", jti);
        c.setClaim("siret", "13002526500013");
        c.setStringListClaim("scopes", scopes);
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(60);
        c.setClaim("version", "1.0");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(c.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", "JWT");
        return new Issued(jws.getCompactSerialization(), jti, sub);
    }
}
