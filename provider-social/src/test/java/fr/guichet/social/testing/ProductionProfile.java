package fr.guichet.social.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Production mode, upstreams unset: what a call does before any upstream is configured. */
public class ProductionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("guichet.provider.mode", "production");
    }
}
