package fr.guichet.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.token.habilitation.Cidr;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void normalisesAddressesAndRanges() {
        assertEquals(Optional.of("0.0.0.0/0"), Cidr.parse("0.0.0.0/0"));
        assertEquals(Optional.of("192.0.2.7/32"), Cidr.parse(" 192.0.2.7 "));
        assertEquals(Optional.of("2001:db8:0:0:0:0:0:0/32"), Cidr.parse("2001:db8::/32"));
        assertEquals(Optional.of("0:0:0:0:0:0:0:1/128"), Cidr.parse("::1"));
    }

    @Test
    void rejectsWhatIsNoRange() {
        for (String bad : new String[] {"", "10.0.0.256", "10.0.0.0/33", "10.0.0/8", "2001:db8::/129", "example.org",
                "10.0.0.0/", "10.0.0.0/-1", "01.2.3.4", "::g", "10.0.0.0/8/8"}) {
            assertTrue(Cidr.parse(bad).isEmpty(), bad);
        }
        assertTrue(Cidr.parse(null).isEmpty());
    }
}
