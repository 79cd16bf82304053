package fr.guichet.registers.inpi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * INPI's RNE account (production mode): the login URL and the credentials its JSON login takes.
 * The data URL, timeouts and pool are the kit's {@code guichet.upstream.inpi-rne.*}. From the
 * environment: {@code GUICHET_REGISTERS_INPI_LOGIN_URL}, {@code GUICHET_REGISTERS_INPI_USERNAME},
 * {@code GUICHET_REGISTERS_INPI_PASSWORD}.
 */
@ConfigMapping(prefix = "guichet.registers.inpi")
public interface InpiConfig {

    /** Absolute URL of {@code POST /api/sso/login}. */
    Optional<String> loginUrl();

    Optional<String> username();

    Optional<String> password();

    /**
     * Actes et bilans: the most recent documents of each list downloaded, stored and listed per
     * call (the rest are not listed: INPI's lists run to dozens of PDFs, each fetched in full).
     */
    @WithDefault("5")
    int maxDocuments();

    /** Actes et bilans: the largest PDF stored, in bytes; a larger one is left out of the answer. */
    @WithDefault("20000000")
    long maxDocumentBytes();
}
