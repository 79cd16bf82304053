package fr.guichet.trace.availability.service;

import fr.guichet.trace.availability.client.GatewayPings;
import fr.guichet.trace.availability.config.AvailabilityConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Records, every {@code guichet.trace.availability.interval} (one minute by default), the state of
 * each provider from the gateway's public {@code /pings}: {@code ok} up, {@code maintenance},
 * anything else down. Every replica records; the store counts each minute once. A gateway that
 * does not answer records nothing (its own outage is not the providers'), with one WARN line per
 * outage. Days older than {@code retention-days} (100) are deleted as it goes.
 */
@ApplicationScoped
public class AvailabilityRecorder {

    private static final Logger LOG = Logger.getLogger(AvailabilityRecorder.class);

    private final AvailabilityStore store;
    private final AvailabilityConfig config;
    private final GatewayPings pings;
    /** Whether the last reading failed: the WARN is written when an outage starts, not every minute. */
    private final AtomicBoolean gatewayUnreadable = new AtomicBoolean();

    public AvailabilityRecorder(AvailabilityStore store, AvailabilityConfig config) {
        this.store = store;
        this.config = config;
        this.pings = new GatewayPings(config.timeout());
    }

    void announce(@Observes StartupEvent start) {
        config.pingsUrl().ifPresentOrElse(
                url -> LOG.infof("provider availability recorded from %s/pings every %s", url, config.interval()),
                () -> LOG.info("guichet.trace.availability.pings-url is not set: provider availability is not recorded"));
    }

    @Scheduled(every = "${guichet.trace.availability.interval:60s}", identity = "trace-availability",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        config.pingsUrl().ifPresent(url -> record(URI.create(url), Instant.now()));
    }

    /**
     * Reads the pings of the gateway at {@code gateway} and counts them for the minute of {@code at}.
     *
     * @return the number of providers whose minute was counted now (0 when the gateway did not answer
     *         or another replica counted this minute already)
     */
    public int record(URI gateway, Instant at) {
        Optional<Map<String, GatewayPings.State>> states;
        try {
            states = pings.read(gateway);
        } catch (IOException e) {
            if (gatewayUnreadable.compareAndSet(false, true)) {
                LOG.warnf("gateway pings unreadable at %s (%s): provider availability not recorded until it answers",
                        gateway, e.toString());
            }
            return 0;
        }
        if (states.isEmpty()) {
            if (gatewayUnreadable.compareAndSet(false, true)) {
                LOG.warnf("gateway at %s answered no pings: provider availability not recorded until it does", gateway);
            }
            return 0;
        }
        if (gatewayUnreadable.compareAndSet(true, false)) {
            LOG.infof("gateway pings readable again at %s", gateway);
        }
        int counted = store.count(states.get(), at);
        store.purgeBefore(LocalDate.ofInstant(at, AvailabilityStore.PARIS).minusDays(config.retentionDays()));
        return counted;
    }
}
