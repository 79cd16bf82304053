package fr.guichet.portal.console.session;

import fr.guichet.portal.session.SessionCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.time.Instant;
import java.util.Optional;

/**
 * The console's own session cookie {@value #NAME}, sealed like the partner session
 * ({@link SessionCookies}: AES-256-GCM, HttpOnly, SameSite=Lax, Secure outside local HTTP) and
 * sent only to {@value #PATH}: a partner session never opens the console, nor the reverse.
 */
@ApplicationScoped
public class ConsoleCookies {

    /** The cookie's name. */
    public static final String NAME = "guichet_console";
    /** The only path the browser sends it to. */
    public static final String PATH = "/console";

    private final SessionCookies sealing;

    public ConsoleCookies(SessionCookies sealing) {
        this.sealing = sealing;
    }

    /** The cookie holding {@code session}, living until the session ends. */
    public NewCookie cookie(OperatorSession session) {
        long maxAge = Math.max(0, session.expiresAt() - Instant.now().getEpochSecond());
        return sealing.cookie(NAME, PATH, sealing.seal(NAME, session), (int) Math.min(Integer.MAX_VALUE, maxAge));
    }

    /** The cookie that erases the session (logout, session refused). */
    public NewCookie erased() {
        return sealing.cookie(NAME, PATH, "", 0);
    }

    /** The session the cookie value holds, if it is intact and not ended. */
    public Optional<OperatorSession> open(String value) {
        return sealing.open(NAME, value, OperatorSession.class)
                .filter(session -> session.expiresAt() > Instant.now().getEpochSecond());
    }
}
