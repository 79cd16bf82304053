package fr.guichet.registers.inpi.config;

import io.smallrye.config.ConfigMapping;
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
}
