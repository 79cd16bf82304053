package fr.guichet.trace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Typed configuration of trace-service ({@code guichet.trace.*}). */
@ConfigMapping(prefix = "guichet.trace")
public interface TraceConfig {

    Ingestion ingestion();

    /** token-service's JWKS, against which read-side session JWTs are verified. */
    String jwksUrl();

    @WithDefault("urn:guichet:token-service")
    String tokenIssuer();

    Seal seal();

    Retention retention();

    /**
     * The installation's trace salt: the key of the hashes under which the gateway stores natural
     * persons' identifiers in traces ({@code guichet.gateway.trace.salt}, the same value). Without it
     * the identity search answers 503 {@code 00264}.
     */
    java.util.Optional<String> salt();

    Partitions partitions();

    Export export();

    Integrity integrity();

    interface Ingestion {
        /** Basic secrets per writing client: {@code gateway}, {@code token-service}. */
        Map<String, String> clients();

        /** Largest batch accepted in one request. */
        @WithDefault("10000")
        int maxBatchSize();

        /** How far in the future an event timestamp may lie (clock skew between hosts). */
        @WithDefault("PT1H")
        Duration maxClockSkew();
    }

    interface Seal {
        /** Ed25519 private key, PKCS#8 PEM. */
        String keyFile();

        /** Creates the key file when absent. */
        @WithDefault("true")
        boolean generateIfMissing();

        /** Earlier seal public keys (base64 X.509) still trusted after a key rotation. */
        java.util.Optional<java.util.List<String>> trustedPublicKeys();

        /** Daily seal of the chain heads. */
        @WithDefault("0 5 0 * * ?")
        String cron();
    }

    interface Retention {
        /** Default retention in months (API Entreprise: 36). */
        @WithDefault("36")
        int months();

        /** Shorter or longer retention per API kind ({@code particulier: 24}...), in months. */
        Map<String, Integer> monthsByApiKind();

        /** API kinds whose tokens' traces are erased once the token has been idle this long. */
        @WithDefault("particulier")
        java.util.List<String> idleErasureApiKinds();

        @WithDefault("P730D")
        Duration idleErasureAfter();

        @WithDefault("0 30 2 * * ?")
        String cron();
    }

    interface Partitions {
        /** Months of partitions created ahead of the current one. */
        @WithDefault("3")
        int monthsAhead();

        @WithDefault("0 15 1 * * ?")
        String cron();

        /** Creates the partitions ahead at start-up; the {@code verify} command, which only reads, does not. */
        @WithDefault("true")
        boolean createAtStart();
    }

    interface Integrity {
        /**
         * Quartz cron of the scheduled verification of the whole retained log ({@code off} disables it);
         * default daily at 03:30, after the seal (00:05) and the retention run (02:30).
         */
        @WithDefault("0 30 3 * * ?")
        String schedule();
    }

    interface Export {
        /** JDBC fetch size of streamed exports: rows held in memory at once. */
        @WithDefault("1000")
        int fetchSize();

        @WithDefault("500")
        int maxSearchLimit();

    }
}
