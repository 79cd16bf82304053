package fr.guichet.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.guichet.common.error.ApiException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ENSU routes: certificate issued by the partner CA and naming the habilitated organisation. */
class ClientCertificatesTest {

    static final String SIRET = "13002526500013";

    static String pem(String name) throws Exception {
        try (InputStream in = ClientCertificatesTest.class.getResourceAsStream("/certs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    static X509Certificate cert(String name) throws Exception {
        try (InputStream in = ClientCertificatesTest.class.getResourceAsStream("/certs/" + name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static void refused(ClientCertificates c, X509Certificate presented, String forwarded) {
        ApiException e = assertThrows(ApiException.class, () -> c.check(presented, forwarded, SIRET));
        assertEquals(403, e.status());
        assertEquals("00100", e.errors().get(0).code());
    }

    @Test
    void acceptsThePartnersCertificateFromTlsOrFromTheIngressHeader() throws Exception {
        ClientCertificates c = new ClientCertificates("X-Client-Certificate", List.of(cert("ca.pem")));
        assertDoesNotThrow(() -> c.check(cert("partner.pem"), null, SIRET));
        assertDoesNotThrow(() -> c.check(null, URLEncoder.encode(pem("partner.pem"), StandardCharsets.UTF_8), SIRET));
    }

    @Test
    void refusesMissingForeignSelfSignedOrUnconfigured() throws Exception {
        ClientCertificates c = new ClientCertificates("X-Client-Certificate", List.of(cert("ca.pem")));
        refused(c, null, null);
        refused(c, null, "garbage");
        refused(c, cert("other.pem"), null);
        refused(c, cert("selfsigned.pem"), null);
        refused(new ClientCertificates("X-Client-Certificate", List.of()), cert("partner.pem"), null);
    }
}
