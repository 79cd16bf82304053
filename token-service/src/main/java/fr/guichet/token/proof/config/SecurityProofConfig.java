package fr.guichet.token.proof.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

/** Settings of security proofs ({@code guichet.token.security-proof.*}). */
@ConfigMapping(prefix = "guichet.token.security-proof")
public interface SecurityProofConfig {

    /** How long a security questionnaire holds after its date (ENSU terms 3.4: renewed at most every three years). */
    @WithDefault("P3Y")
    Period questionnaireValidity();

    /**
     * Before the proof's last day of validity, when its habilitation's contacts are told (ENSU
     * terms 3.4: a new homologation is due three months before the current one ends). ISO-8601 periods.
     */
    @WithDefault("P3M,P1M,P7D")
    List<Period> noticeThresholds();

    /** When the notice job runs. */
    @WithDefault("0 0 7 * * ?")
    String noticesCron();

    /** When the suspension job runs: the suspension starts within this period after the last valid day. */
    @WithDefault("0 5 * * * ?")
    String suspensionCron();

    /** The zone of the proofs' dates: a proof holds until the end of its last day there. */
    @WithDefault("Europe/Paris")
    ZoneId zone();
}
