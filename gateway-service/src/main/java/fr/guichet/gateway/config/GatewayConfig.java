package fr.guichet.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@code guichet.gateway.*} setting; names are part of docs/internal-contracts.md. */
@ConfigMapping(prefix = "guichet.gateway")
public interface GatewayConfig {

    TokenService tokenService();

    /**
     * The gateway's public base URL (e.g. {@code https://api.guichet.example}): served bodies'
     * {@code links} point there instead of {@code https://entreprise.api.gouv.fr}. Unset: links
     * become paths relative to the gateway.
     */
    Optional<String> publicBaseUrl();

    /**
     * The platform's own pages that errors and the OpenAPI document send partners to
     * ({@link PlatformUrls}); never another organisation's.
     */
    @WithName("public")
    PublicPages publicPages();

    /** Partner-facing pages and contact of this platform ({@code guichet.gateway.public.*}). */
    interface PublicPages {
        /** Where a partner lists its privileges; default {@code <public-base-url>/privileges}. */
        Optional<String> privilegesUrl();

        /**
         * The partner dashboard (tokens, habilitations): named by 00105/00106. Default in
         * application.properties: the public base URL, else token-service's URL (dev).
         */
        String dashboardUrl();

        /** Where a partner asks for its token's renewal: named by 00103. Default: the dashboard's habilitations. */
        String renewalUrl();

        /** The platform's support page (OpenAPI {@code info.contact.url}). Default: the dashboard. */
        String supportUrl();

        /** The platform's support address (OpenAPI {@code info.contact.email}); none by default. */
        Optional<String> supportEmail();

        /** Name of the support contact in the OpenAPI document. */
        @WithDefault("Support Guichet")
        String supportName();
    }

    TraceService traceService();

    /** Provider adapters by name: {@code insee}, {@code dgfip}, {@code acoss}. */
    Map<String, Provider> providers();

    /**
     * How often every provider adapter is probed for {@code guichet_gateway_provider_up}: a Quarkus
     * scheduler {@code every} value (a duration such as {@code 15s}), or {@code off} to stop probing.
     */
    @WithDefault("15s")
    String providerProbeEvery();

    Journal journal();

    Revocations revocations();

    /**
     * The replica's own revoked set survives restarts: loaded from token-service at start and
     * periodically, kept in a local file, so that a replica restarted while Redis is away still
     * refuses revoked tokens.
     */
    interface Revocations {
        /** File of the local revoked set; default {@code revoked-tokens.json} in the journal folder. */
        Optional<String> file();

        /** How often the list is fetched again from token-service (and retried after a failure). */
        @WithDefault("PT1M")
        Duration refreshInterval();
    }

    Limits limits();

    Incident incident();

    Trace trace();

    ClientCertificate clientCertificate();

    /** Routes flagged {@code client_certificate} (ENSU documents) require the partner's certificate. */
    interface ClientCertificate {
        /**
         * Header in which the ingress forwards the client certificate it terminated (URL-encoded
         * PEM, as ingress-nginx's {@code ssl-client-cert}); a certificate presented to the gateway's
         * own TLS listener is used first.
         */
        @WithDefault("X-Client-Certificate")
        String header();

        /** PEM bundle of the CAs that issue partners' certificates; without it those routes are refused. */
        Optional<String> caFile();

        /**
         * CIDRs of the ingresses whose {@link #header()} is believed (the TCP peer's address is
         * checked, never a forwarded one); unset: the header is ignored and only a certificate
         * presented to the gateway's own TLS listener counts.
         */
        Optional<List<String>> trustedProxies();
    }

    interface TokenService {
        /** Base URL: JWKS at {@code /.well-known/jwks.json}, token state at {@code /internal/tokens/{jti}}. */
        String url();

        @WithDefault("urn:guichet:token-service")
        String issuer();

        @WithDefault("urn:guichet:gateway")
        String audience();

        /** How long fetched JWKS stay cached when token-service sends no cache header. */
        @WithDefault("PT5M")
        Duration jwksCacheDuration();

        /**
         * How often the JWKS is fetched in the background, so that calls never wait on it and a
         * retired key stops verifying within this period (plus the verified-token cache's minute).
         */
        @WithDefault("60s")
        Duration jwksRefreshEvery();

        /** An unknown {@code kid} forces a JWKS refresh at most once per this interval. */
        @WithDefault("PT30S")
        Duration jwksRefreshMinInterval();

        @WithDefault("PT2S")
        Duration timeout();

        /** Longest accepted lifetime of an OAuth2 access token ({@code typ at+jwt}). */
        @WithDefault("PT24H")
        Duration accessTokenMaxLifetime();

        /** Longest accepted lifetime of a long-lived API token ({@code typ JWT}): 18 months. */
        @WithDefault("P549D")
        Duration apiTokenMaxLifetime();

        @WithDefault("30")
        int clockSkewSeconds();
    }

    interface TraceService {
        String url();

        /** Basic credentials {@code gateway:<secret>} for {@code POST /traces}. */
        String secret();

        @WithDefault("gateway")
        String client();

        @WithDefault("500")
        int batchSize();

        /** Pause between two shipments when the journal is drained or trace-service fails. */
        @WithDefault("PT0.2S")
        Duration shipInterval();

        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Provider {
        String url();

        @WithDefault("PT10S")
        Duration timeout();

        /** Calls on the wire to this provider at once (its keep-alive connections). */
        @WithDefault("64")
        int bulkhead();

        /**
         * Calls that may wait, within their timeout, for one of the bulkhead's connections; beyond
         * {@code bulkhead + bulkheadQueue} calls in flight, 503 without waiting.
         */
        @WithDefault("256")
        int bulkheadQueue();

        @WithDefault("20")
        int circuitRequestVolume();

        @WithDefault("0.5")
        double circuitFailureRatio();

        @WithDefault("PT10S")
        Duration circuitDelay();

        /** Daily maintenance windows, Europe/Paris, e.g. {@code 01:00-02:00}. */
        Optional<List<String>> maintenanceWindows();
    }

    interface Journal {
        /** Folder of the append-only trace journal; one gateway instance per folder. */
        String dir();

        /** Unshipped events beyond this size: calls fail with 503 rather than lose traces. */
        @WithDefault("268435456")
        long maxBytes();

        @WithDefault("16777216")
        long segmentBytes();

        /**
         * {@code true}: every group commit is fsync'ed before the calls it holds are answered (an
         * event survives a machine crash). {@code false}: written to the OS before answering (it
         * survives a gateway crash, not a machine crash) — faster on slow disks.
         */
        @WithDefault("true")
        boolean fsync();

        /** Longest wait for the group commit before the call fails with 503. */
        @WithDefault("PT2S")
        Duration commitTimeout();

        /**
         * Under load (the previous commit ended less than twice this long ago), how long the writer
         * lets more events join a group before committing it: fewer, larger commits, each fsync
         * costing the process about 0.1 ms of CPU on the project's machines (docs/benchmarks.md).
         * A lone call is never held. {@code PT0S}: commit at once. Half a millisecond measured
         * best at 32 connections: 2 ms held calls longer than the fsyncs it saved, none paid one
         * fsync for 3.6 events.
         */
        @WithDefault("PT0.0005S")
        Duration commitDelay();

        /**
         * {@code true}: the next segment is prepared ahead at full size ({@code segment-bytes} of
         * zeros, one spare file in {@code dir}), so that a commit's fsync writes the data alone,
         * not the file's growing size: about half the CPU and half the wait per fsync on the
         * project's machines (docs/benchmarks.md). {@code false}: segments grow by appending.
         */
        @WithDefault("true")
        boolean preallocate();
    }

    interface Limits {
        /** Share of each limit a replica grants on its own while Redis is unreachable. */
        @WithDefault("0.5")
        double degradedShare();

        /**
         * Operator overrides of throttle groups' limits (calls per group period), by group name:
         * {@code guichet.gateway.limits.groups.json_resources_entreprise=500}.
         */
        Map<String, Integer> groups();

        /** Lifetime of the duplicate-request guard if the call never completes. */
        @WithDefault("PT30S")
        Duration duplicateGuardTtl();

        /**
         * Calls per minute and client address answered without a valid token (no token, forged or
         * expired token, unknown route...), per replica; beyond, 429 {@code 00429}. API Entreprise
         * applies 1,000 per minute per IP.
         */
        @WithDefault("1000")
        int unauthenticatedPerMinute();

    }

    /** Static switches; OR-ed with the runtime switch of token-service's admin API ({@code Incidents}). */
    interface Incident {
        /** Operator switch: every data route answers 503. */
        @WithDefault("false")
        boolean dataPlaneCut();

        /** Operator switch: routes of these providers answer 503. */
        Optional<List<String>> cutProviders();

        /** {@code meta.retry_in} (seconds) announced by the switches. */
        @WithDefault("3600")
        long retryIn();

        /**
         * How often the runtime switch (token-service's {@code PUT /admin/incident}, copied to Redis
         * as {@code guichet:incident}) is re-read, besides the {@code guichet:incidents} messages
         * applied at once: the longest a missed message goes unnoticed.
         */
        @WithDefault("5s")
        Duration refresh();
    }

    interface Trace {
        /**
         * Secret salt for hashing natural persons' identifiers in traces. Without it a random salt
         * is drawn at start-up (hashes then differ across restarts): set it in production.
         */
        Optional<String> salt();

        /** Query parameters that identify a natural person (hashed in traces). */
        @WithName("personal-parameters")
        @WithDefault("nom_naissance,nom_usage,prenoms,prenoms[],date_naissance,annee_date_naissance,mois_date_naissance,jour_date_naissance,code_cog_insee_commune_naissance,numero_allocataire,code_postal,ine,identifiant,email,telephone,numero_fiscal,reference_avis")
        List<String> personalParameters();
    }
}
