package fr.guichet.trace.integrity.service;

import fr.guichet.trace.config.TraceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * trace-service's seal key (Ed25519). The key file holds the PKCS#8 private key and its X.509
 * public key as two PEM blocks; {@code openssl genpkey -algorithm ed25519 -out k.pem &&
 * openssl pkey -in k.pem -pubout >> k.pem} makes one.
 */
@ApplicationScoped
public class SealKeys {

    private static final Logger LOG = Logger.getLogger(SealKeys.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final List<byte[]> trusted = new ArrayList<>();

    public SealKeys(TraceConfig config) {
        Path file = Path.of(config.seal().keyFile());
        try {
            if (!Files.exists(file)) {
                if (!config.seal().generateIfMissing()) {
                    throw new IllegalStateException("seal key file " + file + " is missing (guichet.trace.seal.key-file)");
                }
                generate(file);
            }
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            byte[] priv = null;
            byte[] pub = null;
            Matcher m = PEM.matcher(pem);
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2).trim());
                if (m.group(1).equals("PRIVATE KEY")) {
                    priv = der;
                } else if (m.group(1).equals("PUBLIC KEY")) {
                    pub = der;
                }
            }
            if (priv == null || pub == null) {
                throw new IllegalStateException("seal key file " + file + " must hold a PRIVATE KEY and a PUBLIC KEY block");
            }
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            this.privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(priv));
            this.publicKey = kf.generatePublic(new X509EncodedKeySpec(pub));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable seal key file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("invalid seal key in " + file, e);
        }
        byte[] probe = sign(new byte[] {1, 2, 3});
        if (!verify(publicKey.getEncoded(), new byte[] {1, 2, 3}, probe)) {
            throw new IllegalStateException("the seal key file's public key does not match its private key");
        }
        trusted.add(publicKey.getEncoded());
        config.seal().trustedPublicKeys().ifPresent(keys -> keys.forEach(k -> trusted.add(Base64.getDecoder().decode(k))));
    }

    private static void generate(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
                + b64.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the operator protects the file
        }
        LOG.warnf("created a new trace seal key in %s; keep it (and back it up) to verify older seals", file);
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(byte[] publicKeyDer, byte[] data, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(publicKeyDer));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    public boolean trusts(byte[] publicKeyDer) {
        return trusted.stream().anyMatch(k -> java.util.Arrays.equals(k, publicKeyDer));
    }
}
