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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import javax.naming.NamingException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.jboss.logging.Logger;

/**
 * Consumer check of DGFIP's ENSU conditions: a valid client certificate, whose chain leads to a
 * configured CA (PKIX path validation, validity dates included), and whose subject names the
 * habilitated organisation: one attribute of the subject equals its SIRET exactly (or
 * {@code NTRFR-} + SIRET, the eIDAS organizationIdentifier form), on top of the token and the
 * IP allow-list. A certificate forwarded by an ingress in {@link #header()} is believed only when
 * the TCP peer is one of the configured trusted proxies.
 */
@ApplicationScoped
public class ClientCertificates {

    private static final Logger LOG = Logger.getLogger(ClientCertificates.class);
    /** Attributes RFC 2253 would print as hex: serialNumber, organizationIdentifier (eIDAS). */
    private static final java.util.Map<String, String> READABLE = java.util.Map.of(
            "2.5.4.5", "SERIALNUMBER", "2.5.4.97", "ORGANIZATIONIDENTIFIER");

    private final String header;
    private final List<X509Certificate> authorities;
    private final List<String> trustedProxies;

    @jakarta.inject.Inject
    public ClientCertificates(GatewayConfig config) {
        this(config.clientCertificate().header(),
                config.clientCertificate().caFile().map(ClientCertificates::load).orElse(List.of()),
                config.clientCertificate().trustedProxies().orElse(List.of()));
    }

    /**
     * @param trustedProxies CIDRs of the ingresses allowed to forward a certificate in {@code header};
     *                       empty: the header is never believed
     */
    public ClientCertificates(String header, List<X509Certificate> authorities, List<String> trustedProxies) {
        this.header = header;
        this.authorities = List.copyOf(authorities);
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String header() {
        return header;
    }

    /**
     * Throws 403 {@code 00100} unless the certificate (the one presented on the gateway's own TLS
     * listener, else the forwarded one if {@code peerAddress} is a trusted proxy) chains to a
     * configured CA, is within its validity dates and names {@code siret} exactly.
     */
    public void check(X509Certificate presented, String forwardedPem, String peerAddress, String siret) {
        X509Certificate cert = presented;
        if (cert == null && forwardedPem != null && !forwardedPem.isBlank()) {
            if (trustedProxies.isEmpty() || !IpAllowList.allows(trustedProxies, peerAddress)) {
                LOG.warnf("Client certificate header from %s ignored: not a trusted proxy", peerAddress);
            } else {
                cert = parse(forwardedPem);
            }
        }
        if (cert == null || authorities.isEmpty()) {
            throw refused("Un certificat client est requis pour cette route.");
        }
        try {
            cert.checkValidity();
        } catch (GeneralSecurityException e) {
            throw refused("Le certificat client est expiré ou pas encore valide.");
        }
        if (!chainsToAuthority(cert)) {
            throw refused("Le certificat client n'est pas délivré par une autorité reconnue.");
        }
        if (siret == null || !names(cert, siret)) {
            throw refused("Le certificat client n'est pas celui de l'organisation habilitée.");
        }
    }

    /** PKIX path validation to the configured CAs; CAs of the bundle that are not roots serve as intermediates. */
    private boolean chainsToAuthority(X509Certificate cert) {
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            List<X509Certificate> intermediates = new ArrayList<>();
            for (X509Certificate ca : authorities) {
                anchors.add(new TrustAnchor(ca, null));
                intermediates.add(ca);
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(cert);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            List<X509Certificate> store = new ArrayList<>(intermediates);
            store.add(cert);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return true;
        } catch (GeneralSecurityException e) {
            LOG.debugf("Client certificate %s refused: %s", cert.getSubjectX500Principal(), e.getMessage());
            return false;
        }
    }

    /** One attribute of the subject equals the SIRET, or {@code NTRFR-} + SIRET; never a substring. */
    static boolean names(X509Certificate cert, String siret) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253, READABLE)).getRdns()) {
                var attributes = rdn.toAttributes().getAll();
                while (attributes.hasMore()) {
                    var values = attributes.next().getAll();
                    while (values.hasMore()) {
                        String value = String.valueOf(values.next());
                        if (value.equals(siret) || value.equals("NTRFR-" + siret)) {
                            return true;
                        }
                    }
                }
            }
        } catch (NamingException e) {
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
