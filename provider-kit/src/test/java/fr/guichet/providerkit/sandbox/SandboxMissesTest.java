package fr.guichet.providerkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.provider.ProviderConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxMissesTest {

    static SandboxMisses misses(String base) {
        return new SandboxMisses(new ProviderConfig() {
            @Override
            public Mode mode() {
                return Mode.SANDBOX;
            }

            @Override
            public String publicBaseUrl() {
                return base;
            }
        });
    }

    @Test
    void catalogueIsTheGatewaysPublicSandboxRoute() {
        assertEquals("https://api.example.gouv.fr/sandbox", misses("https://api.example.gouv.fr/").catalogueUrl());
        assertEquals("http://localhost:8080/sandbox", misses("http://localhost:8080").catalogueUrl());
    }

    @Test
    void notFoundCaseKeepsItsCodesAndPointsToTheCatalogue() {
        String payload = "{\"errors\":[{\"code\":\"04003\",\"title\":\"Entité non trouvée\","
                + "\"detail\":\"Le siret ou siren indiqué n'existe pas\",\"meta\":{\"provider\":\"ACOSS\"}}]}";
        assertEquals("{\"errors\":[{\"code\":\"04003\",\"title\":\"Entité non trouvée\","
                + "\"detail\":\"Le siret ou siren indiqué n'existe pas. Les appels auxquels le bac à sable répond sont "
                + "publiés dans son catalogue : http://localhost:8080/sandbox\",\"meta\":{\"provider\":\"ACOSS\"}}]}",
                misses("http://localhost:8080").hinted(payload));
    }

    @Test
    void anExceptionKeepsStatusCodeAndMeta() {
        ApiException hinted = misses("http://gw").hinted(new ApiException(404,
                new ApiError("32003", "Entité non trouvée", "Aucune donnée.", null, Map.of("provider", "VIES"))));
        assertEquals(404, hinted.status());
        assertEquals("32003", hinted.errors().get(0).code());
        assertEquals(Map.of("provider", "VIES"), hinted.errors().get(0).meta());
        assertEquals("Aucune donnée. Les appels auxquels le bac à sable répond sont publiés dans son catalogue : "
                + "http://gw/sandbox", hinted.errors().get(0).detail());
    }

    @Test
    void aPayloadThatIsNotJsonIsLeftAlone() {
        assertEquals("not json {", misses("http://gw").hinted("not json {"));
    }
}
