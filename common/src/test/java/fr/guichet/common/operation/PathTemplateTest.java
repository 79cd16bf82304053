package fr.guichet.common.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    private final PathTemplate siegeSocial = new PathTemplate("/v3/insee/sirene/unites_legales/{siren}/siege_social");

    @Test
    void readsEachVariableFromOneSegment() {
        assertEquals(Optional.of(Map.of("siren", "552049447")),
                siegeSocial.match("/v3/insee/sirene/unites_legales/552049447/siege_social"));
        assertEquals(Optional.of(Map.of("siren", "552049447", "year", "2024")),
                new PathTemplate("/v4/dgfip/unites_legales/{siren}/liasses_fiscales/{year}")
                        .match("/v4/dgfip/unites_legales/552049447/liasses_fiscales/2024"));
    }

    @Test
    void refusesOtherLiteralsEmptyOrSeveralSegmentsAndTrailingText() {
        assertTrue(siegeSocial.match("/v3/insee/sirene/etablissements/552049447/siege_social").isEmpty());
        assertTrue(siegeSocial.match("/v3/insee/sirene/unites_legales//siege_social").isEmpty());
        assertTrue(siegeSocial.match("/v3/insee/sirene/unites_legales/55/2049447/siege_social").isEmpty());
        assertTrue(siegeSocial.match("/v3/insee/sirene/unites_legales/552049447/siege_social/x").isEmpty());
        assertTrue(siegeSocial.match("/v3/insee").isEmpty());
    }

    @Test
    void aTemplateWithoutVariableMatchesItselfOnly() {
        PathTemplate fixed = new PathTemplate("/v3/particulier/quotient_familial");
        assertEquals(Optional.of(Map.of()), fixed.match("/v3/particulier/quotient_familial"));
        assertTrue(fixed.match("/v3/particulier/quotient_familiale").isEmpty());
        assertTrue(fixed.match("/v3/particulier").isEmpty());
    }

    @Test
    void expandsWhatItMatches() {
        assertEquals("/v3/insee/sirene/unites_legales/552049447/siege_social",
                siegeSocial.expand(Map.of("siren", "552049447")));
    }
}
