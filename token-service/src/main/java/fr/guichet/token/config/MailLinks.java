package fr.guichet.token.config;

/**
 * The platform's addresses as e-mails write them ({@link TokenConfig.Pages}): one place, so that
 * expiry notices and magic links name the same pages and support contact.
 */
public final class MailLinks {

    private MailLinks() {
    }

    /** The renewal page of habilitation {@code habilitationId}. */
    public static String renewal(TokenConfig.Pages pages, Object habilitationId) {
        return pages.renewalUrl().replace(TokenConfig.Pages.HABILITATION, String.valueOf(habilitationId));
    }

    /** The landing page of a magic link carrying {@code secret}. */
    public static String login(TokenConfig.Pages pages, String secret) {
        return pages.loginUrl() + (pages.loginUrl().contains("?") ? "&" : "?") + "jeton=" + secret;
    }

    /** The landing page of an operator's console link carrying {@code secret}. */
    public static String consoleLogin(TokenConfig.Pages pages, String secret) {
        return pages.consoleLoginUrl() + (pages.consoleLoginUrl().contains("?") ? "&" : "?") + "jeton=" + secret;
    }

    /** The closing lines of every mail: the support page, and its address when configured. */
    public static String signature(TokenConfig.Pages pages) {
        return "\n\nUne question ? Le support de Guichet : " + pages.supportUrl()
                + pages.supportEmail().map(e -> " (" + e + ")").orElse("") + "\n\nGuichet";
    }
}
