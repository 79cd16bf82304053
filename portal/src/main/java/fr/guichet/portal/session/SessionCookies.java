package fr.guichet.portal.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.portal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The partner session as a cookie, with no server-side store (the portal keeps no state and may
 * run several replicas; the console's session cookie is sealed the same way): the session is sealed with AES-256-GCM, so that it is both signed (any
 * change fails the tag check) and unreadable (it carries token-service's session JWT).
 * The cookie is HttpOnly, SameSite=Lax (the magic link arrives from a webmail, a cross-site
 * navigation) and Secure unless {@code guichet.portal.session.secure-cookie} is false (local HTTP).
 */
@ApplicationScoped
public class SessionCookies {

    /** The cookie's name. */
    public static final String NAME = "guichet_session";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final boolean secure;
    private final ObjectMapper json = new ObjectMapper();

    public SessionCookies(PortalConfig config) {
        String secret = config.session().secret();
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("guichet.portal.session.secret (GUICHET_PORTAL_SESSION_SECRET) must hold at least 32 characters");
        }
        this.key = new SecretKeySpec(sha256(secret), "AES");
        this.secure = config.session().secureCookie();
    }

    /** The cookie holding {@code session}, living until the session ends. */
    public NewCookie cookie(PartnerSession session) {
        long maxAge = Math.max(0, session.expiresAt() - Instant.now().getEpochSecond());
        return base(seal(session), (int) Math.min(Integer.MAX_VALUE, maxAge));
    }

    /** The cookie that erases the session (logout). */
    public NewCookie erased() {
        return base("", 0);
    }

    /** The session the cookie value holds, if it is intact and not ended. */
    public Optional<PartnerSession> open(String value) {
        return open(NAME, value, PartnerSession.class)
                .filter(session -> session.expiresAt() > Instant.now().getEpochSecond());
    }

    String seal(PartnerSession session) {
        return seal(NAME, session);
    }

    /**
     * Seals {@code value} (as JSON) for the cookie {@code name}: the name is authenticated with
     * it, so that one cookie's value is never accepted as another's.
     */
    public String seal(String name, Object value) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
            byte[] ciphertext = cipher.doFinal(json.writeValueAsBytes(value));
            byte[] sealed = new byte[IV_BYTES + ciphertext.length];
            System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
            System.arraycopy(ciphertext, 0, sealed, IV_BYTES, ciphertext.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Session cookie not sealed", e);
        }
    }

    /** What {@link #seal(String, Object)} sealed for the cookie {@code name}, if intact. */
    public <T> Optional<T> open(String name, String value, Class<T> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(value);
            if (sealed.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return Optional.of(json.readValue(plain, type));
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            // tampered, sealed with another secret or for another cookie, or not ours: nothing
            return Optional.empty();
        }
    }

    /**
     * A session cookie {@code name} on {@code path}: HttpOnly, SameSite=Lax (the e-mailed link
     * is a cross-site navigation), Secure unless local HTTP; {@code maxAge} 0 erases it.
     */
    public NewCookie cookie(String name, String path, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private NewCookie base(String value, int maxAge) {
        return cookie(NAME, "/", value, maxAge);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
