package fr.guichet.token.proof.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API families of the terms of use ({@code guichet.token.families.<name>.*}): which
 * habilitations each covers, whether it requires a security proof, and how long its data are kept
 * after the end of use. A habilitation belongs to every family it matches (an ENSU habilitation is
 * also an API Entreprise one); defaults in application.properties: {@code entreprise},
 * {@code particulier}, {@code ensu}.
 */
@ConfigMapping(prefix = "guichet.token.families")
public interface ApiFamilies {

    /** Families by name. */
    @WithParentName
    Map<String, Family> all();

    /** One API family. */
    interface Family {

        /** The habilitation's {@code api_kind} ({@code entreprise}, {@code particulier}); absent: any. */
        Optional<String> apiKind();

        /**
         * The family covers a habilitation holding at least one scope starting with one of these
         * (ENSU: {@code ensu_documents_}); absent: every habilitation of {@link #apiKind()}.
         */
        Optional<List<String>> scopePrefixes();

        /**
         * Whether its habilitations must hold a security proof in force (DGFIP ENSU terms, 3.4):
         * notices before the proof ends, suspension of the routes that require it after.
         */
        @WithDefault("false")
        boolean securityProofRequired();

        /** Contact data are erased this long after the end of use; absent: the family sets no rule. */
        Optional<Duration> contactsAfter();

        /** The habilitation's own data are erased this long after the end of use; absent: kept. */
        Optional<Duration> habilitationAfter();
    }
}
