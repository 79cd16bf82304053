package fr.guichet.token;

import fr.guichet.token.time.TimeSource;
import java.time.Instant;

/** A clock tests set by hand; installed with QuarkusMock for one test. */
class TestClock extends TimeSource {

    private volatile Instant now;

    TestClock(Instant now) {
        this.now = now;
    }

    void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public Instant now() {
        return now;
    }
}
