package fr.guichet.token.change.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.time.Period;
import java.util.List;

/**
 * Notices of technical change ({@code guichet.token.changes.*}): the notice each API family's terms
 * require before a change goes into production, and the delivery of the notices.
 */
@ConfigMapping(prefix = "guichet.token.changes")
public interface ChangeConfig {

    Notice notice();

    /**
     * Declaration ids (common {@code guichet/operations/*.yml}) of the operations under the DGFIP
     * ENSU terms, whose changes are announced {@link Notice#ensuWorkingDays()} working days ahead.
     */
    @WithDefault("api_entreprise_v3_dgfip_ensu_documents_unites_legales,api_entreprise_v3_dgfip_ensu_documents_usagers,"
            + "api_entreprise_v3_dgfip_ensu_document")
    List<String> ensuOperations();

    /** How often notices whose mail failed are sent again. */
    @WithDefault("5m")
    Duration retryEvery();

    /** A notice claimed by a sender that did not finish is taken over after this long. */
    @WithDefault("10m")
    Duration claimTimeout();

    /** Notice periods, by API family. */
    interface Notice {
        /** API Particulier's terms: partners are told by e-mail six months before a technical change. */
        @WithDefault("P6M")
        Period particulier();

        /** DGFIP ENSU terms: changes are announced 14 working days ahead (French public holidays counted). */
        @WithDefault("14")
        int ensuWorkingDays();

        /** DGFIP ENSU terms: 7 working days in an emergency (API Particulier's terms have no such clause). */
        @WithDefault("7")
        int ensuUrgentWorkingDays();

        /** Every other operation (API Entreprise's own terms set none): Guichet's choice, one month. */
        @WithName("default")
        @WithDefault("P1M")
        Period defaultPeriod();
    }
}
