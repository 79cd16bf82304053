package fr.guichet.token.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The service's notion of "now". Jobs and token issuance read the time from here so that
 * tests can move the clock (QuarkusMock) through expiry thresholds.
 */
@ApplicationScoped
public class TimeSource {

    public Instant now() {
        return Instant.now();
    }
}
