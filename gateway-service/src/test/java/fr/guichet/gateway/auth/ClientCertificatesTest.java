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
    static final String INGRESS = "10.1.2.3";
    static final List<String> TRUSTED = List.of("10.1.0.0/16");

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

    static ClientCertificates checker(String... cas) throws Exception {
        List<X509Certificate> authorities = new java.util.ArrayList<>();
        for (String ca : cas) {
            authorities.add(cert(ca));
        }
        return new ClientCertificates("X-Client-Certificate", authorities, TRUSTED);
    }

    static void refused(ClientCertificates c, X509Certificate presented, String forwarded, String peer) {
        ApiException e = assertThrows(ApiException.class, () -> c.check(presented, forwarded, peer, SIRET));
        assertEquals(403, e.status());
        assertEquals("00100", e.errors().get(0).code());
    }

    @Test
    void acceptsThePartnersCertificateFromTlsOrFromATrustedIngressHeader() throws Exception {
        ClientCertificates c = checker("ca.pem");
        assertDoesNotThrow(() -> c.check(cert("partner.pem"), null, "203.0.113.9", SIRET));
        assertDoesNotThrow(() -> c.check(null, URLEncoder.encode(pem("partner.pem"), StandardCharsets.UTF_8), INGRESS, SIRET));
    }

    @Test
    void theHeaderIsIgnoredUnlessItComesFromATrustedProxy() throws Exception {
        String forwarded = URLEncoder.encode(pem("partner.pem"), StandardCharsets.UTF_8);
        refused(checker("ca.pem"), null, forwarded, "203.0.113.9");
        ClientCertificates noProxy = new ClientCertificates("X-Client-Certificate", List.of(cert("ca.pem")), List.of());
        refused(noProxy, null, forwarded, INGRESS);
    }

    @Test
    void refusesMissingForeignSelfSignedOrUnconfigured() throws Exception {
        ClientCertificates c = checker("ca.pem");
        refused(c, null, null, INGRESS);
        refused(c, null, "garbage", INGRESS);
        refused(c, cert("other.pem"), null, INGRESS);
        refused(c, cert("selfsigned.pem"), null, INGRESS);
        refused(new ClientCertificates("X-Client-Certificate", List.of(), TRUSTED), cert("partner.pem"), null, INGRESS);
    }

    @Test
    void theSiretMustBeAnAttributeOfTheSubjectNotASubstring() throws Exception {
        ClientCertificates c = checker("ca.pem", "ca-2.pem");
        // Issued by a configured CA, but 13002526500013 appears only inside longer values.
        refused(c, cert("substring.pem"), null, INGRESS);
        assertDoesNotThrow(() -> c.check(cert("partner.pem"), null, INGRESS, SIRET));
        // The SIREN alone is not the habilitated organisation's SIRET.
        ApiException e = assertThrows(ApiException.class, () -> c.check(cert("partner.pem"), null, INGRESS, "130025265"));
        assertEquals(403, e.status());
    }
}
