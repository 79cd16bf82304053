package fr.guichet.token.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed settings of token-service ({@code guichet.token.*}). */
@ConfigMapping(prefix = "guichet.token")
public interface TokenConfig {

    /** {@code iss} of every JWT we sign. */
    @WithDefault("urn:guichet:token-service")
    String issuer();

    /** Base URL of the partner dashboard, used in e-mailed links. */
    @WithDefault("http://localhost:8081")
    String dashboardUrl();

    /** The platform's pages and support contact named in e-mails; never another organisation's. */
    Pages pages();

    /**
     * Addresses written in expiry notices and magic-link mails ({@code guichet.token.pages.*}).
     * Defaults (application.properties) derive from {@link #dashboardUrl()}.
     */
    interface Pages {
        /** Landing page of a magic link; the mail appends {@code ?jeton=<secret>}. */
        String loginUrl();

        /** Landing page of an operator's console link; the mail appends {@code ?jeton=<secret>}. */
        String consoleLoginUrl();

        /** A habilitation's renewal page; {@value #HABILITATION} is replaced by its id. */
        String renewalUrl();

        /** The platform's support page, named at the end of every mail. */
        String supportUrl();

        /** The platform's support address, named beside the support page when set. */
        Optional<String> supportEmail();

        /** Placeholder of the habilitation id in {@link #renewalUrl()}. */
        String HABILITATION = "{habilitation}";
    }

    Admin admin();

    Keys keys();

    ApiToken apiToken();

    OAuth oauth();

    Partner partner();

    Notices notices();

    Retention retention();

    TraceService traceService();

    Throttle throttle();

    @WithDefault("5m")
    Duration reconciliationEvery();

    interface Admin {
        /** Operator secret for {@code POST /auth/admin-tokens}; no default in production. */
        String bootstrapSecret();

        @WithDefault("1h")
        Duration sessionTtl();
    }

    interface Keys {
        /** Base64 of 32 random bytes: encrypts the signing keys' private parts at rest. */
        String masterKey();

        /** How often each instance reloads the key ring (rotations made by another replica). */
        @WithDefault("10s")
        String refreshEvery();

        /**
         * A key can be retired only once its successor has signed for this long, so that every
         * replica has switched to the successor (must exceed refresh-every).
         */
        @WithDefault("1m")
        Duration retireGrace();
    }

    interface ApiToken {
        /** Lifetime of long-lived API tokens, in months; never more than 18. */
        @WithDefault("18")
        int validityMonths();

        /** How long a prolonged token stays valid beside its successor. */
        @WithDefault("30d")
        Duration prolongationOverlap();
    }

    interface OAuth {
        @WithDefault("1h")
        Duration accessTokenTtl();

        /**
         * Live (unexpired, unrevoked) access tokens a habilitation may hold at once; one more
         * request answers 429 until the oldest ends. Bounds what a client can mint.
         */
        @WithDefault("10")
        int maxLiveAccessTokens();
    }

    /**
     * Throttling of guesses per client address ({@code AttemptGuard}): free failures within the
     * window, then a block that doubles from first-delay up to max-delay.
     */
    interface Throttle {
        /** Failed authentications (OAuth2 client, admin secret) an address may make before backoff. */
        @WithDefault("5")
        int freeFailures();

        /** Magic-link requests an address may make before backoff (an office behind one NAT asks several). */
        @WithDefault("20")
        int magicLinkRequests();

        @WithDefault("15m")
        Duration window();

        @WithDefault("1s")
        Duration firstDelay();

        @WithDefault("15m")
        Duration maxDelay();

        /** Magic-link e-mails sent to one address per link lifetime; further requests send nothing. */
        @WithDefault("5")
        int mailsPerAddress();
    }

    interface Partner {
        @WithDefault("1h")
        Duration sessionTtl();

        @WithDefault("15m")
        Duration magicLinkTtl();
    }

    interface Notices {
        /** Days before a token's end at which its contacts are told. */
        @WithDefault("90,60,30,15,7,0")
        List<Integer> thresholdsDays();

        /** When the notice job runs (read by its {@code @Scheduled}). */
        @WithDefault("0 0 7 * * ?")
        String cron();
    }

    interface Retention {
        /** Contact data of habilitations ended longer ago than this are erased (18 months). */
        @WithDefault("548d")
        Duration contactsAfter();

        /** Ended OAuth access tokens are deleted after this. */
        @WithDefault("30d")
        Duration accessTokensAfter();

        @WithDefault("0 30 3 * * ?")
        String cron();
    }

    interface TraceService {
        String url();

        /** Basic credentials {@code token-service:<secret>} known to trace-service. */
        String secret();

        /** Period of the admin-trace outbox delivery. */
        @WithDefault("5s")
        String shipEvery();
    }
}
