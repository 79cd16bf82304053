package fr.guichet.gateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocalLimiterTest {

    @Test
    void grantsOnlyItsShareAndNeverUnlimited() {
        LocalLimiter limiter = new LocalLimiter(0.5);
        long now = 1_000_000;
        int allowed = 0;
        for (int i = 0; i < 30; i++) {
            if (limiter.acquire(now, new LocalLimiter.Limit("t:g", 10, 60_000)).allowed()) {
                allowed++;
            }
        }
        assertEquals(5, allowed);
        assertEquals(1, new LocalLimiter(0.01).localLimit(10), "at least one call per period");
    }

    @Test
    void strictestLimitWinsAndRefusalConsumesNothing() {
        LocalLimiter limiter = new LocalLimiter(1.0);
        long now = 5_000_000;
        LocalLimiter.Limit group = new LocalLimiter.Limit("t:g", 100, 60_000);
        LocalLimiter.Limit habilitation = new LocalLimiter.Limit("t:h", 2, 60_000);
        LocalLimiter.Result first = limiter.acquire(now, group, habilitation);
        assertTrue(first.allowed());
        assertEquals(2, first.limit());
        assertEquals(1, first.remaining());
        assertTrue(limiter.acquire(now, group, habilitation).allowed());
        LocalLimiter.Result refused = limiter.acquire(now, group, habilitation);
        assertFalse(refused.allowed());
        assertEquals(30_000, refused.retryAfterMs());
        // The group limit was not charged by the refused call: 98 left of 100.
        assertEquals(97, limiter.acquire(now, group).remaining());
        assertTrue(limiter.acquire(now + 30_000, habilitation).allowed(), "one call back after period/limit");
    }
}
