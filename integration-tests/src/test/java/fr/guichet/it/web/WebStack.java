package fr.guichet.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.it.Schemas;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The stack the portal's browser tests share: token-service (mailing its magic links over SMTP to
 * a GreenMail server), trace-service, provider-insee in sandbox mode, the gateway and the portal,
 * on their own schema {@value #SCHEMA}. Started once for every class of this package (they run
 * together, last: see {@code fr.guichet.it.SharedStackFirst}), it gives way by itself when a class
 * starts a stack of its own ({@link GuichetStack#givingWay()}). Classes sharing it must not depend
 * on what the others did: each issues its own tokens and habilitations, for organisations of its
 * own.
 *
 * <p>Also the steps every browser scenario takes: the portal's address of a page, logging in from
 * the mailed link, reloading until a page shows what is awaited.
 */
public final class WebStack {

    /** The PostgreSQL schema of token-service and trace-service in the integration databases. */
    public static final String SCHEMA = "web_portal";
    /** Where the web stack's services write their logs. */
    public static final Path LOGS = Path.of("target", "it-logs", "web").toAbsolutePath();
    /** How long a magic-link e-mail may take to reach the test SMTP server. */
    public static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);
    /** A partner's login link, as token-service mails it. */
    public static final Pattern LOGIN_LINK = Pattern.compile("https?://[^\\s]+/connexion/lien\\?jeton=[A-Za-z0-9_-]+");

    private static GuichetStack stack;

    private WebStack() {
    }

    /** The web stack, started on first use (or again, if a class's own stack made it give way). */
    public static synchronized GuichetStack get() {
        if (stack == null || !stack.running()) {
            GuichetStack.Builder builder = GuichetStack.builder()
                    .with(Service.TRACE.serviceName(), Service.TOKEN.serviceName(), Service.INSEE.serviceName(),
                            Service.GATEWAY.serviceName(), GuichetStack.PORTAL)
                    .logDir(LOGS)
                    .withMailbox();
            stack = Schemas.ownSchemas(builder, SCHEMA).start().givingWay();
        }
        return stack;
    }

    /** The portal's absolute URL of {@code path} (which starts with a slash). */
    public static String portal(String path) {
        return get().instance(GuichetStack.PORTAL).url() + path;
    }

    /** The contact address {@link GuichetStack#issueToken} gives every contact of the démarche. */
    public static String contactOf(GuichetStack.IssuedToken token) {
        return "contact-" + token.siret() + "@example.org";
    }

    /**
     * Logs in as a partner would: the form, the mail, the link in it; lands on the démarches.
     *
     * @throws AssertionError when no mail comes within {@link #MAIL_TIMEOUT} or the link does not sign in
     */
    public static void logIn(Browser browser, String email) {
        GuichetStack stack = get();
        int before = (int) stack.mailbox().messages().stream().filter(m -> m.recipients().contains(email)).count();
        browser.visit("connexion", portal("/connexion"));
        browser.await("#login-email").sendKeys(email);
        browser.await("#login-submit").click();
        browser.awaitLoaded();
        browser.await("#login-sent");
        browser.check("connexion-envoyee");
        String link = stack.mailbox().awaitLink(email, before, LOGIN_LINK, MAIL_TIMEOUT);
        assertTrue(link.startsWith(portal("/connexion/lien")), "the link opens the portal: " + link);
        browser.open(link);
        assertEquals("/demarches", browser.path(), "signed in: " + browser.driver().getPageSource());
    }

    /**
     * Reloads {@code url} until {@code condition} holds.
     *
     * @throws AssertionError when it still does not hold after 20 s
     */
    public static void awaitOnReload(Browser browser, String url, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            browser.open(url);
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not as expected after 20 s: " + url + "\n" + browser.driver().getPageSource());
            }
            Thread.sleep(500);
        }
    }
}
