package fr.guichet.dgfip.production;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The one other test application: production mode against the in-process DGFIP stand-in. */
public class ProductionMode implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DgfipUpstreamStub.class));
    }
}
