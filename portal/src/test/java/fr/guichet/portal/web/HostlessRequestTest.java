package fr.guichet.portal.web;

import fr.guichet.testing.HostlessRequestCheck;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An HTTP/1.1 request without {@code Host} is refused in the error model and its query, which may
 * carry a secret (a sign-in link's jeton), reaches no log: Quarkus's error page logged the request line at ERROR.
 */
@QuarkusTest
class HostlessRequestTest {

    @Test
    void anHttp11RequestWithoutHostIs400In00250AndItsQueryIsNeverLogged() throws Exception {
        HostlessRequestCheck.assertRefusedAndUnlogged("/connexion/lien", "jeton");
    }

    @Test
    void anHttp11RequestWithTwoHostsIs400In00250AndItsQueryIsNeverLogged() throws Exception {
        HostlessRequestCheck.assertTwoHostsRefusedAndUnlogged("/connexion/lien", "jeton");
    }
}
