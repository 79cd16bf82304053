package fr.guichet.insee.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Production mode against the recorded INSEE (WireMock), with the credentials of the
 * recordings (password grant of INSEE's former portal), a read timeout short enough for the
 * timeout test and a 2-hour cache.
 */
public class ProductionModeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "guichet.provider.mode", "production",
                "guichet.provider.public-base-url", "https://entreprise.api.gouv.fr",
                "guichet.insee.sirene.auth.mode", "oauth2",
                "guichet.insee.sirene.auth.client-id", "insee_sirene_client_id",
                "guichet.insee.sirene.auth.client-secret", "insee_sirene_client_secret",
                "guichet.insee.sirene.auth.username", "insee_apim_username",
                "guichet.insee.sirene.auth.password", "insee_apim_password",
                "guichet.insee.sirene.read-timeout", "3S",
                // Longer than the default hour, to show that natural persons' data still leaves after one.
                "guichet.insee.cache.ttl", "2H");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(InseeWireMock.class));
    }
}
