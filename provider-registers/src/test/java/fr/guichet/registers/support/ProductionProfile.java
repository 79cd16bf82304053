package fr.guichet.registers.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Production mode (no upstream is configured yet). */
public class ProductionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("guichet.provider.mode", "production");
    }
}
