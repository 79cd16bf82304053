package fr.guichet.status.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The one alternative test application: production mode against the WireMock upstreams. */
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
