package fr.guichet.it;

import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A certificate authority made for one test run, issuing the partners' client certificates that
 * the ENSU routes require, with {@code openssl} (EC P-256 keys). The gateway believes the
 * certificate the test sends in {@code X-Client-Certificate} as it would an ingress's.
 */
public final class PartnerCertificates {

    private final Path dir;

    private PartnerCertificates(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates the run's CA ({@code ca.pem}, {@code ca.key}) in {@code dir}, valid 2 days.
     *
     * @throws IllegalStateException when {@code openssl} fails
     */
    public static PartnerCertificates authority(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                "-subj", "/CN=Guichet IT partner CA", "-keyout", dir.resolve("ca.key").toString(),
                "-out", dir.resolve("ca.pem").toString());
        return new PartnerCertificates(dir);
    }

    /**
     * Gives the gateway this CA and makes it believe the certificate header from 127.0.0.1 only
     * (the test plays the ingress).
     */
    public GuichetStack.Builder trustedBy(GuichetStack.Builder builder) {
        gatewaySettings().forEach((key, value) -> builder.property(Service.GATEWAY, key, value));
        return builder;
    }

    /**
     * The gateway settings that make it trust this CA and believe the certificate header from
     * 127.0.0.1 only: for a further gateway instance ({@link GuichetStack#startInstance}).
     */
    public Map<String, String> gatewaySettings() {
        return Map.of("guichet.gateway.client-certificate.ca-file", dir.resolve("ca.pem").toString(),
                "guichet.gateway.client-certificate.trusted-proxies", "127.0.0.1/32");
    }

    /**
     * A client certificate (PEM) naming {@code siret} in its organisation and serial number, issued
     * by this CA or, when {@code issuedByCa} is false, self-signed; valid 1 day.
     */
    public String clientCertificate(String siret, boolean issuedByCa) throws IOException, InterruptedException {
        String name = "client-" + siret + (issuedByCa ? "" : "-self");
        Path key = dir.resolve(name + ".key");
        Path pem = dir.resolve(name + ".pem");
        String subject = "/O=Organisation " + siret + "/serialNumber=" + siret + "/CN=partner-" + siret;
        if (issuedByCa) {
            Path csr = dir.resolve(name + ".csr");
            openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", subject,
                    "-keyout", key.toString(), "-out", csr.toString());
            openssl("x509", "-req", "-in", csr.toString(), "-CA", dir.resolve("ca.pem").toString(),
                    "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial", "-days", "1", "-out", pem.toString());
        } else {
            openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
                    "-subj", subject, "-keyout", key.toString(), "-out", pem.toString());
        }
        return Files.readString(pem, StandardCharsets.US_ASCII);
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
