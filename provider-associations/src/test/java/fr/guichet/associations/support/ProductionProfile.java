package fr.guichet.associations.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Production mode against {@link WireMockUpstreams}. */
public class ProductionProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockUpstreams.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
