package fr.guichet.gateway.franceconnect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code guichet.gateway.franceconnect.*}: how the gateway resolves an end user's FranceConnect
 * access token on a FranceConnect route (docs/internal-contracts.md, "FranceConnect").
 */
@ConfigMapping(prefix = "guichet.gateway.franceconnect")
public interface FranceConnectConfig {

    /** Where tokens are resolved. */
    enum Mode {
        /** The fictitious tokens of {@code franceconnect/sandbox/} (reference sandbox); no outside call. */
        SANDBOX,
        /** FranceConnect's check-token endpoint. */
        PRODUCTION
    }

    /** {@code sandbox} (default) or {@code production}. */
    @WithDefault("sandbox")
    Mode mode();

    /** FranceConnect's check-token URL, e.g. {@code https://fcp-low.integ01.dev-franceconnect.fr/api/v2/checktoken}; required in production mode. */
    Optional<String> checkTokenUrl();

    /** The platform's client id at FranceConnect: sent to check-token and expected as the answer's {@code aud}. */
    Optional<String> clientId();

    /** The platform's client secret at FranceConnect, sent to check-token. */
    Optional<String> clientSecret();

    /** Expected {@code iss} of FranceConnect's signed answer, e.g. {@code https://fcp-low.integ01.dev-franceconnect.fr/api/v2}. */
    Optional<String> issuer();

    /** FranceConnect's JWKS URL: the keys that sign its check-token answers (RS256 or ES256). */
    Optional<String> jwksUrl();

    /**
     * The platform's RSA private key that FranceConnect encrypts its answers to (RSA-OAEP or
     * RSA-OAEP-256): PKCS#8 PEM or a private JWK (JSON). Required in production runs; dev and
     * test generate one at start (with a WARN), so answers encrypted before a restart are lost.
     */
    Optional<String> privateKey();

    /** Timeout of one check-token call (connection and answer). */
    @WithDefault("3s")
    Duration timeout();

    /** How long FranceConnect's signature keys are kept before the JWKS is read again (an unknown kid reads it at once). */
    @WithDefault("10m")
    Duration jwksCacheTtl();

    /** How long the habilitation bound to a FranceConnect client is kept before token-service is asked again. */
    @WithDefault("30s")
    Duration bindingCacheTtl();

    /** Clock tolerance on FranceConnect's {@code exp}/{@code iat}. */
    @WithDefault("30s")
    Duration clockSkew();

    /** Check-token calls in the rolling window before the circuit breaker may open. */
    @WithDefault("10")
    int circuitRequestVolume();

    /** Share of transport failures in the window that opens the circuit. */
    @WithDefault("0.5")
    double circuitFailureRatio();

    /** How long the circuit stays open (calls answer 503 51001) before one call is tried again. */
    @WithDefault("10s")
    Duration circuitDelay();
}
