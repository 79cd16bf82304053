package fr.guichet.dgfip.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: fixed at a known instant outside DGFIP's maintenance window
 * (so a test run at 01:30 Paris time behaves like any other), movable by tests.
 */
@ApplicationScoped
public class TestClock extends Clock {

    public static final Instant DEFAULT = Instant.parse("2026-11-25T11:00:00Z");

    private volatile Instant now = DEFAULT;

    public void set(Instant instant) {
        this.now = instant;
    }

    public void reset() {
        this.now = DEFAULT;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
