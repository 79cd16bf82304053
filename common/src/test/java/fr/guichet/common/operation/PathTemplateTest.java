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
    void aVariableWithinASegmentIsStillReadByTheRegex() {
        PathTemplate document = new PathTemplate("/v3/documents/{id}.pdf/{page}");
        assertEquals(Optional.of(Map.of("id", "a.b", "page", "2")), document.match("/v3/documents/a.b.pdf/2"));
        assertTrue(document.match("/v3/documents/.pdf/2").isEmpty());
        assertTrue(document.match("/v3/documents/a/b.pdf/2").isEmpty());
    }

    @Test
    void everyDeclaredTemplateMatchesItsOwnExpansionOnly() {
        OperationDeclarations.load(OperationDeclarations.ROOT).all().stream().flatMap(d -> d.paths().stream()).map(OperationDeclaration.VersionedPath::template)
                .forEach(t -> {
                    Map<String, String> values = new java.util.LinkedHashMap<>();
                    t.variables().forEach(v -> values.put(v, "x" + v.length()));
                    String path = t.expand(values);
                    assertEquals(Optional.of(values), t.match(path), t.template());
                    assertTrue(t.match(path + "/").isEmpty(), t.template());
                    t.variables().forEach(v -> assertTrue(t.match(path.replace("/x" + v.length(), "/")).isEmpty(), t.template()));
                });
    }

    @Test
    void expandsWhatItMatches() {
        assertEquals("/v3/insee/sirene/unites_legales/552049447/siege_social",
                siegeSocial.expand(Map.of("siren", "552049447")));
    }
}
