package fr.guichet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ports a stack gives its services lie outside the kernel's ephemeral range, where an
 * outgoing connection could take one before the service binds it, and are never given twice.
 */
class LoopbackPortsTest {

    @Test
    void portsLieBelowTheEphemeralRangeAndAreNotRepeated() {
        int ephemeralLow = LoopbackPorts.ephemeralLow();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = LoopbackPorts.next();
            assertTrue(port >= LoopbackPorts.LOWEST && port < ephemeralLow,
                    port + " is not between " + LoopbackPorts.LOWEST + " and " + ephemeralLow);
            assertTrue(seen.add(port), port + " handed out twice");
        }
        assertEquals(200, seen.size());
    }

    @Test
    void aBlockIsConsecutiveFreeAndBelowTheEphemeralRange() {
        int base = LoopbackPorts.nextBlock(10);
        assertTrue(base >= LoopbackPorts.LOWEST && base + 10 <= LoopbackPorts.ephemeralLow(), "block at " + base);
        for (int i = 0; i < 50; i++) {
            int port = LoopbackPorts.next();
            assertTrue(port < base || port >= base + 10, port + " lies in the block handed out at " + base);
        }
    }
}
