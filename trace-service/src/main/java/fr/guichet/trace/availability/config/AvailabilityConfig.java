package fr.guichet.trace.availability.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of the providers' availability record ({@code guichet.trace.availability.*}). */
@ConfigMapping(prefix = "guichet.trace.availability")
public interface AvailabilityConfig {

    /**
     * The gateway's base URL, whose public {@code /pings} is read; absent, nothing is recorded
     * (said once at start-up, INFO).
     */
    Optional<String> pingsUrl();

    /** How often the pings are read; each reading counts as one minute of the minute it falls in. */
    @WithDefault("60s")
    Duration interval();

    /** Days of availability kept (the status page shows 90). */
    @WithDefault("100")
    int retentionDays();

    /** Timeout of one reading of the pings. */
    @WithDefault("10s")
    Duration timeout();
}
