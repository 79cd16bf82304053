package fr.guichet.portal.csrf;

import fr.guichet.portal.config.PortalConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF protection of every form (OWASP CSRF Prevention Cheat Sheet, "signed double-submit
 * cookie"): the browser holds a random token in an HttpOnly, SameSite=Strict cookie signed with
 * the portal's secret, each form repeats it in a hidden field, and every POST compares the two.
 * Another site can neither read the cookie nor forge a signed one.
 *
 * <p>Templates write the field with {@code name="{inject:csrf.parameterName}" value="{inject:csrf.token}"};
 * {@link CsrfFilter} reads the cookie and sets it when the request had none.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    /** The cookie's name. */
    public static final String COOKIE = "guichet_csrf";
    /** The form field's name. */
    public static final String FIELD = "csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final boolean secure;
    private String token;
    private boolean issued;

    public Csrf(PortalConfig config) {
        this.key = ("csrf:" + config.session().secret()).getBytes(StandardCharsets.UTF_8);
        this.secure = config.session().secureCookie();
    }

    /** The hidden field's name, for templates. */
    public String parameterName() {
        return FIELD;
    }

    /** This browser's token: the cookie's when it is valid, else a new one (then set by {@link CsrfFilter}). */
    public String token() {
        if (token == null) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            token = value + "." + sign(value);
            issued = true;
        }
        return token;
    }

    /** Takes the request's cookie value when its signature holds. */
    void fromCookie(String cookie) {
        if (cookie != null && valid(cookie)) {
            token = cookie;
        }
    }

    /** The cookie to set when this request issued a token. */
    Optional<NewCookie> cookieToSet() {
        if (!issued) {
            return Optional.empty();
        }
        return Optional.of(new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build());
    }

    /**
     * Checks a submitted form's field against the browser's cookie.
     *
     * @throws CsrfRefused when the field is missing, differs from the cookie or the cookie is not ours
     */
    public void verify(String field) {
        if (field == null || token == null || issued || !valid(field)
                || !MessageDigest.isEqual(field.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
            throw new CsrfRefused();
        }
    }

    private boolean valid(String value) {
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        return MessageDigest.isEqual(sign(value.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form submitted without the browser's CSRF token. */
    public static class CsrfRefused extends RuntimeException {
        public CsrfRefused() {
            super("CSRF token missing or wrong", null, false, false);
        }
    }
}
