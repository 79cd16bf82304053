package fr.guichet.gateway.auth;

import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.config.GatewayConfig;
import fr.guichet.gateway.service.Errors;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Consumer check of DGFIP's ENSU conditions: a valid client certificate, issued by a configured
 * CA, whose subject names the habilitated organisation (its SIRET or SIREN), on top of the token
 * and the IP allow-list.
 */
@ApplicationScoped
public class ClientCertificates {

    private static final Logger LOG = Logger.getLogger(ClientCertificates.class);

    private final String header;
    private final List<X509Certificate> authorities;

    @jakarta.inject.Inject
    public ClientCertificates(GatewayConfig config) {
        this.header = config.clientCertificate().header();
        this.authorities = config.clientCertificate().caFile().map(ClientCertificates::load).orElse(List.of());
    }

    public ClientCertificates(String header, List<X509Certificate> authorities) {
        this.header = header;
        this.authorities = List.copyOf(authorities);
    }

    public String header() {
        return header;
    }

    /** Throws 403 unless the certificate is valid, issued by a configured CA and names {@code siret}. */
    public void check(X509Certificate presented, String forwardedPem, String siret) {
        X509Certificate cert = presented != null ? presented : parse(forwardedPem);
        if (cert == null || authorities.isEmpty()) {
            throw refused("Un certificat client est requis pour cette route.");
        }
        try {
            cert.checkValidity();
        } catch (GeneralSecurityException e) {
            throw refused("Le certificat client est expiré ou pas encore valide.");
        }
        boolean signed = false;
        for (X509Certificate ca : authorities) {
            if (ca.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                try {
                    cert.verify(ca.getPublicKey());
                    signed = true;
                    break;
                } catch (GeneralSecurityException e) {
                    LOG.debugf("Client certificate not signed by %s: %s", ca.getSubjectX500Principal(), e.getMessage());
                }
            }
        }
        if (!signed) {
            throw refused("Le certificat client n'est pas délivré par une autorité reconnue.");
        }
        if (siret == null || !names(cert, siret)) {
            throw refused("Le certificat client n'est pas celui de l'organisation habilitée.");
        }
    }

    private static boolean names(X509Certificate cert, String siret) {
        String siren = siret.length() >= 9 ? siret.substring(0, 9) : siret;
        String subject = cert.getSubjectX500Principal().getName();
        if (subject.contains(siret) || subject.contains(siren)) {
            return true;
        }
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> n : names) {
                    String value = String.valueOf(n.get(1));
                    if (value.contains(siret) || value.contains(siren)) {
                        return true;
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            return false;
        }
        return false;
    }

    static X509Certificate parse(String forwardedPem) {
        if (forwardedPem == null || forwardedPem.isBlank() || forwardedPem.length() > 16_384) {
            return null;
        }
        String pem = forwardedPem.contains("%") ? URLDecoder.decode(forwardedPem, StandardCharsets.UTF_8) : forwardedPem;
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static List<X509Certificate> load(String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            List<X509Certificate> certs = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            return List.copyOf(certs);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read client CA bundle " + file, e);
        }
    }

    private static ApiException refused(String detail) {
        return new ApiException(403, Errors.of("00100").withDetail(detail));
    }
}
