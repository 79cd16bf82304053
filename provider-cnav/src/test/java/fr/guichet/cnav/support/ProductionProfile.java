package fr.guichet.cnav.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The one alternative test application: production mode against the CNAV stand-in. */
public class ProductionProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CnavStandIn.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
