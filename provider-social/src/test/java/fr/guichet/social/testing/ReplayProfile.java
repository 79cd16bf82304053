package fr.guichet.social.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Production mode against the WireMock upstreams (one application for every replay test). */
public class ReplayProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockUpstreams.class));
    }
}
