package fr.guichet.registers.infogreffe.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Infogreffe's subscriber credentials (production mode), sent in each SOAP request as the
 * reference implementation does. The URL, timeouts and pool are the kit's
 * {@code guichet.upstream.infogreffe.*}. From the environment: {@code GUICHET_REGISTERS_INFOGREFFE_CODE_ABONNE},
 * {@code GUICHET_REGISTERS_INFOGREFFE_MOT_PASSE}.
 */
@ConfigMapping(prefix = "guichet.registers.infogreffe")
public interface InfogreffeConfig {

    /** {@code code_abonne} of the request. */
    Optional<String> codeAbonne();

    /** {@code mot_passe} of the request. */
    Optional<String> motPasse();
}
