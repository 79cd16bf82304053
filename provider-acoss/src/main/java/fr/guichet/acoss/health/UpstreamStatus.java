package fr.guichet.acoss.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.acoss.attestation.client.UrssafClient;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.acoss.effectifs.client.GipMdsClient;
import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.health.UpstreamReadiness;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * State of each upstream, for readiness (which the gateway's {@code /pings} read). In
 * production the probe is obtaining an OAuth2 token (cached in Redis, so usually free): it proves
 * the upstream answers and accepts our credentials. The sandbox has no upstream: always {@code ok}.
 */
@ApplicationScoped
public class UpstreamStatus {

    public static final String URSSAF = "urssaf";
    public static final String GIP_MDS = "gip_mds";

    private static final String LAST_OK_KEY = "guichet:acoss:ping:%s:last_ok";
    private static final Logger LOG = Logger.getLogger(UpstreamStatus.class);

    private final ProviderConfig provider;
    private final UrssafClient urssaf;
    private final GipMdsClient gipMds;
    private final ValueCommands<String, String> values;
    private final UpstreamReadiness readiness;

    public UpstreamStatus(ProviderConfig provider, UrssafClient urssaf, GipMdsClient gipMds, RedisDataSource redis,
                          UpstreamReadiness readiness) {
        this.provider = provider;
        this.readiness = readiness;
        this.urssaf = urssaf;
        this.gipMds = gipMds;
        this.values = redis.value(String.class);
    }

    /**
     * The kit's readiness of {@code upstream} (same name in the kit), with this adapter's ping status
     * in {@code status}. An open circuit is reported but keeps the adapter ready: it still serves the
     * other upstream.
     */
    public HealthCheckResponseBuilder readiness(String checkName, String upstream) {
        return readiness.builder(checkName, upstream, true, false).withData("status", ping(upstream).status());
    }

    public Ping ping(String upstream) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String status = probe(upstream);
        String key = LAST_OK_KEY.formatted(upstream);
        if (Ping.OK.equals(status)) {
            values.set(key, now.toString());
        }
        String lastOk = Optional.ofNullable(values.get(key)).orElse(null);
        return new Ping(status, now.toString(), lastOk);
    }

    private String probe(String upstream) {
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return Ping.OK;
        }
        try {
            if (URSSAF.equals(upstream)) {
                urssaf.token();
            } else {
                gipMds.token();
            }
            return Ping.OK;
        } catch (ApiException e) {
            String code = e.errors().get(0).code();
            LOG.infof("Upstream %s not available: %s", upstream, code);
            return code.endsWith("001") ? Ping.MAINTENANCE : Ping.BAD_GATEWAY;
        }
    }

    /** An upstream's state as API Entreprise's pings word it ({@code ok}, {@code maintenance}, {@code bad_gateway}). */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Ping(String status, @JsonProperty("last_update") String lastUpdate,
                       @JsonProperty("last_ok_status") String lastOkStatus) {
        public static final String OK = "ok";
        public static final String MAINTENANCE = "maintenance";
        public static final String BAD_GATEWAY = "bad_gateway";
    }
}
