package fr.guichet.providerkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.sandbox.SandboxCase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxMatcherTest {

    static SandboxCase scalar(String file, Map<String, String> params, int status) {
        return new SandboxCase(file, "op", params, status, file);
    }

    static SandboxCase withValues(String file, Map<String, List<String>> values) {
        return new SandboxCase(file, "op", Map.of(), values, 200, file);
    }

    @Test
    void aCaseMatchesOnEveryParameterItNamesThatTheCallGives() {
        List<SandboxCase> cases = List.of(
                scalar("2022", Map.of("siret", "41816609600069", "year", "2022"), 200),
                scalar("2023", Map.of("siret", "41816609600069", "year", "2023"), 200),
                scalar("404", Map.of("siret", "00000000000000"), 404));

        assertEquals("2022", SandboxMatcher.find(cases, Map.of("siret", List.of("41816609600069"), "year", List.of("2022")))
                .orElseThrow().file());
        // Without year, both cases fit: the last listed wins.
        assertEquals("2023", SandboxMatcher.find(cases, Map.of("siret", List.of("41816609600069"))).orElseThrow().file());
        assertTrue(SandboxMatcher.find(cases, Map.of("siret", List.of("41816609600069"), "year", List.of("2019"))).isEmpty());
        assertTrue(SandboxMatcher.find(cases, Map.of("siren", List.of("418166096"))).isEmpty(),
                "a call matching no parameter of any case gets no case");
    }

    @Test
    void theCaseMatchingMoreParametersWins() {
        List<SandboxCase> cases = List.of(
                scalar("precise", Map.of("siren", "418166096", "year", "2024"), 200),
                scalar("loose", Map.of("siren", "418166096"), 200));

        assertEquals("precise", SandboxMatcher.find(cases, Map.of("siren", List.of("418166096"), "year", List.of("2024")))
                .orElseThrow().file());
    }

    @Test
    void arrayParametersMatchWithTheirValuesInOrder() {
        List<SandboxCase> cases = List.of(withValues("ledieu", Map.of(
                "nomNaissance", List.of("FALLENDE"), "prenoms", List.of("PIERRE", "GAUTIER", "HARRY"))));

        assertEquals("ledieu", SandboxMatcher.find(cases, Map.of("nomNaissance", List.of("FALLENDE"),
                "prenoms", List.of("PIERRE", "GAUTIER", "HARRY"))).orElseThrow().file());
        assertTrue(SandboxMatcher.find(cases, Map.of("nomNaissance", List.of("FALLENDE"),
                "prenoms", List.of("PIERRE"))).isEmpty());
    }
}
