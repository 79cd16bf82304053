package fr.guichet.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s/guichet.yaml is the chart rendered with ci/sandbox-values.yaml (the least an install
 * must say). Regenerate it with
 * {@code deploy/render.sh} (or {@code -Dguichet.deploy.regenerate=true}) after a chart change.
 */
class RenderedManifestsInSyncTest {

    static final String HEADER = """
            # Rendered from deploy/helm/guichet with ci/sandbox-values.yaml (release "guichet", namespace "guichet").
            # Do not edit: change the chart, then run deploy/render.sh. The build fails when this file is stale.
            """;

    @Test
    void committedManifestsEqualAFreshRender() throws Exception {
        String fresh = HEADER + ChartRenderer.templateDefault();
        if (Boolean.getBoolean("guichet.deploy.regenerate")) {
            Files.createDirectories(ChartRenderer.RENDERED.getParent());
            Files.writeString(ChartRenderer.RENDERED, fresh);
        }
        assertTrue(Files.exists(ChartRenderer.RENDERED), "missing " + ChartRenderer.RENDERED + ": run deploy/render.sh");
        assertEquals(fresh, Files.readString(ChartRenderer.RENDERED),
                "deploy/k8s/guichet.yaml differs from a fresh render of the chart: run deploy/render.sh and commit the result");
    }
}
