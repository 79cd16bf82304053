package fr.guichet.common.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyedHashTest {

    @Test
    void isHmacSha256OfTheValueUnderTheSaltAsTheGatewayWritesIt() {
        // printf DUPONT | openssl dgst -sha256 -hmac test-trace-salt
        assertEquals("hmac-sha256:2bc6cec1e8ea3a24aa18856b2006ebf06b47e5fb2b3aab202e2a559122cfff06",
                new KeyedHash("test-trace-salt").hash("DUPONT"));
        assertNotEquals(new KeyedHash("test-trace-salt").hash("DUPONT"), new KeyedHash("another-salt").hash("DUPONT"));
    }

    @Test
    void anEmptySaltIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KeyedHash(""));
    }
}
