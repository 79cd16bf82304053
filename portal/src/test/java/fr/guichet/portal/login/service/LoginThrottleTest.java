package fr.guichet.portal.login.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.portal.config.PortalConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Magic-link requests slow down the asking address only, never anyone else. */
class LoginThrottleTest {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-30T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static PortalConfig.Login settings(int free) {
        return new PortalConfig.Login() {
            public int freeRequests() {
                return free;
            }

            public Duration window() {
                return Duration.ofMinutes(15);
            }

            public Duration firstDelay() {
                return Duration.ofSeconds(2);
            }

            public Duration maxDelay() {
                return Duration.ofMinutes(15);
            }
        };
    }

    @Test
    void freeRequestsThenADoublingDelayForThatAddressOnly() {
        MovingClock clock = new MovingClock();
        LoginThrottle throttle = new LoginThrottle(settings(3), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttle.attempt("203.0.113.7"));
        }
        assertEquals(2, throttle.attempt("203.0.113.7"), "the 4th request waits first-delay");
        assertEquals(0, throttle.attempt("198.51.100.1"), "another address is never slowed down");
        clock.now = clock.now.plusSeconds(3);
        assertEquals(4, throttle.attempt("203.0.113.7"), "the next one waits twice as long");
        clock.now = clock.now.plusSeconds(1);
        assertTrue(throttle.attempt("203.0.113.7") > 0, "still blocked, and not counted again");
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertEquals(0, throttle.attempt("203.0.113.7"), "a new window starts afresh");
    }

    @Test
    void theDelayStopsAtTheMaximum() {
        LoginThrottle throttle = new LoginThrottle(settings(1), new MovingClock());
        assertEquals(Duration.ofMinutes(15), throttle.backoff(100));
        assertEquals(Duration.ofSeconds(2), throttle.backoff(1));
    }
}
