package fr.guichet.trace.error;

import fr.guichet.testing.HostlessRequestCheck;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An HTTP/1.1 request without {@code Host} is refused in the error model and its query, which may
 * carry a secret (any parameter), reaches no log: Quarkus's error page logged the request line at ERROR.
 */
@QuarkusTest
class HostlessRequestTest {

    @Test
    void anHttp11RequestWithoutHostIs400In00250AndItsQueryIsNeverLogged() throws Exception {
        HostlessRequestCheck.assertRefusedAndUnlogged("/q/health/live", "secret");
    }

    @Test
    void anHttp11RequestWithTwoHostsIs400In00250AndItsQueryIsNeverLogged() throws Exception {
        HostlessRequestCheck.assertTwoHostsRefusedAndUnlogged("/q/health/live", "secret");
    }
}
