package fr.guichet.common.trace;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash under which traces keep the identifiers of natural persons (API Particulier's
 * names, birth dates, INE...): {@code "hmac-sha256:" + hex(HMAC-SHA256(key = trace salt as UTF-8,
 * value as UTF-8))}, an array parameter's values joined with {@code ","} first. The gateway writes
 * it ({@code guichet.gateway.trace.salt}); trace-service computes it from the same salt
 * ({@code guichet.trace.salt}) to find the calls about a person an auditor names. Both must hold
 * the same salt, or no search finds anything: see docs/internal-contracts.md.
 */
public final class KeyedHash {

    /** The prefix that tells a hashed value from a clear one in a trace's parameters. */
    public static final String PREFIX = "hmac-sha256:";

    private final SecretKeySpec key;

    /** @param salt the installation's trace salt (never empty) */
    public KeyedHash(String salt) {
        if (salt == null || salt.isEmpty()) {
            throw new IllegalArgumentException("The trace salt is empty");
        }
        this.key = new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The hash of one value, as traces store it. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
