package fr.guichet.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/grafana/guichet.json}, the operators' dashboard: it parses, every panel queries
 * Prometheus through the dashboard's data source variable, every expression names only meters a
 * Guichet service exposes (the catalogue the services' metrics tests keep true), the gateway's
 * panels group by operation id (never by {@code uri}, the same for every data call), and the
 * dashboard covers what an operator watches.
 */
class GrafanaDashboardTest {

    static final Path DASHBOARD = ChartRenderer.DEPLOY_DIR.resolve("grafana/guichet.json");

    static JsonNode dashboard() throws IOException {
        return ChartRenderer.JSON.readTree(DASHBOARD.toFile());
    }

    static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
        }
        return exprs;
    }

    @Test
    void everyPanelQueriesOnlyExposedMeters() throws IOException {
        JsonNode dashboard = dashboard();
        assertFalse(dashboard.path("panels").isEmpty());
        Set<String> unknown = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertFalse(title.isBlank());
            assertEquals("${datasource}", panel.path("datasource").path("uid").asText(), title);
            assertFalse(panel.path("targets").isEmpty(), title + " has a query");
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertFalse(MeterNames.used(expr).isEmpty(), title + ": " + expr + " uses a Guichet meter");
                unknown.addAll(MeterNames.unknown(expr));
                assertFalse(expr.contains("uri"), title + ": group by operation, not uri");
            }
        }
        assertEquals(Set.of(), unknown, "meters no Guichet service exposes");
    }

    @Test
    void theDashboardCoversWhatAnOperatorWatches() throws IOException {
        String all = String.join("\n", expressions(dashboard()));
        assertTrue(all.contains("sum by (operation) (rate(guichet_gateway_requests_total"), "request rate by operation");
        assertTrue(all.contains("status=~\"5..\""), "error ratio");
        assertTrue(all.contains("histogram_quantile(0.99, sum by (operation, le) (rate(guichet_gateway_latency_seconds_bucket"),
                "p99 by operation");
        for (String meter : List.of("guichet_gateway_provider_up", "guichet_circuit_breaker_state",
                "guichet_gateway_journal_pending_events", "guichet_token_trace_outbox_pending",
                "guichet_trace_integrity_ok", "guichet_trace_integrity_last_run_seconds")) {
            assertTrue(all.contains(meter), meter);
        }
    }
}
