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
 * a GreenMail server), trace-service (recording the providers' availability every
 * {@value #AVAILABILITY_INTERVAL}), provider-insee and provider-dgfip in sandbox mode, the gateway
 * and the portal, on their own schema {@value #SCHEMA}. DGFIP's maintenance window
 * ({@link #DGFIP_WINDOW}) is open for the whole run, for the provider and the gateway alike.
 * Started once for every class of this package (they run
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

    /** How often trace-service reads the gateway's pings here (one minute in production). */
    public static final String AVAILABILITY_INTERVAL = "2s";
    /**
     * DGFIP's daily maintenance window in this stack ({@code HH:mm-HH:mm}, Paris time): from an hour
     * before this class is loaded to three hours after, so that it is open for the whole run, restarts
     * of the stack included (the syntax allows a window across midnight).
     */
    public static final String DGFIP_WINDOW = windowAroundNow();

    private static GuichetStack stack;

    private WebStack() {
    }

    /** The web stack, started on first use (or again, if a class's own stack made it give way). */
    public static synchronized GuichetStack get() {
        if (stack == null || !stack.running()) {
            GuichetStack.Builder builder = GuichetStack.builder()
                    .with(Service.TRACE.serviceName(), Service.TOKEN.serviceName(), Service.INSEE.serviceName(),
                            Service.DGFIP.serviceName(), Service.GATEWAY.serviceName(), GuichetStack.PORTAL)
                    .property(Service.TRACE, "guichet.trace.availability.interval", AVAILABILITY_INTERVAL)
                    .property(Service.DGFIP, "guichet.provider.maintenance-windows", DGFIP_WINDOW)
                    .property(Service.GATEWAY, "guichet.gateway.providers.dgfip.maintenance-windows", DGFIP_WINDOW)
                    .logDir(LOGS)
                    .withMailbox();
            stack = Schemas.ownSchemas(builder, SCHEMA).start().givingWay();
        }
        return stack;
    }

    private static String windowAroundNow() {
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneId.of("Europe/Paris"))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        return now.minusHours(1).format(hhmm) + "-" + now.plusHours(3).format(hhmm);
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
        browser.clickAndAwaitNavigation(browser.await("#login-submit"));
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
