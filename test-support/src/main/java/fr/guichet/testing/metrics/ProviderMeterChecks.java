package fr.guichet.testing.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.operation.OperationDeclarations;
import java.util.ArrayList;
import java.util.List;

/**
 * What a provider's {@code /q/metrics} shows after one sandbox call, checked the same way for
 * every provider: the kit's {@code guichet_provider_requests_seconds} counts the call under its
 * operation id and {@code mode="sandbox"}, the circuit gauges of a configured upstream are there
 * although no upstream was called, one-hot, and every Guichet family has its HELP
 * ({@link PrometheusScrape#assertGuichetMeters}).
 */
public final class ProviderMeterChecks {

    private ProviderMeterChecks() {
    }

    /**
     * @param scrape      the provider's {@code /q/metrics} after a call of {@code dataPath} answered 200
     * @param service     its {@code quarkus.application.name}
     * @param upstream    one of its configured upstreams ({@code guichet.upstream.<name>.*})
     * @param ownFamilies families it shows besides the kit's
     */
    public static void assertSandboxMeters(String scrape, String service, String dataPath, String upstream,
                                           List<String> ownFamilies) {
        List<String> required = new ArrayList<>(List.of("guichet_provider_requests_seconds", "guichet_circuit_breaker_state"));
        required.addAll(ownFamilies);
        PrometheusScrape.assertGuichetMeters(scrape, service, required.toArray(String[]::new));

        String operation = OperationDeclarations.standard().resolve(dataPath).orElseThrow().declaration().id();
        double calls = PrometheusScrape.value(scrape, "guichet_provider_requests_seconds_count",
                "operation=\"" + operation + "\"", "mode=\"sandbox\"", "status=\"200\"");
        assertTrue(calls >= 1, "the sandbox call of " + operation + " is counted");
        String circuit = "upstream=\"" + upstream + "\"";
        String tag = "service=\"" + service + "\"";
        assertEquals(1.0, PrometheusScrape.value(scrape, "guichet_circuit_breaker_state", circuit, tag, "state=\"closed\""));
        assertEquals(0.0, PrometheusScrape.value(scrape, "guichet_circuit_breaker_state", circuit, tag, "state=\"open\""));
        assertEquals(0.0, PrometheusScrape.value(scrape, "guichet_circuit_breaker_state", circuit, tag, "state=\"half_open\""));
    }
}
