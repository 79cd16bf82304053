package fr.guichet.gateway.metrics;

import fr.guichet.gateway.provider.ProviderClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The gauge {@code guichet_gateway_provider_up{provider}}: 1 when the gateway can reach the
 * provider adapter (its circuit is not open and its {@code /q/health/ready} answers 200), else 0.
 * The adapters are probed on a schedule ({@code guichet.gateway.provider-probe-every}, default
 * 15 s), never while Prometheus scrapes, so that a scrape costs no call and a hung adapter cannot
 * slow it. A provider the operator cut or put in maintenance is still probed: the gauge says
 * whether it works, the incident switch whether it is offered.
 *
 * <p>Built at startup, so that every provider's gauge is in {@code /q/metrics} from the first
 * scrape, at 0 until probed, rather than only once the scheduler has first called the bean.
 */
@Startup
@ApplicationScoped
public class ProviderUpProbe {

    private static final Logger LOG = Logger.getLogger(ProviderUpProbe.class);

    private final ProviderClients providers;
    private final Map<String, AtomicInteger> up = new ConcurrentHashMap<>();

    public ProviderUpProbe(ProviderClients providers, MeterRegistry registry) {
        this.providers = providers;
        for (String name : providers.all().keySet()) {
            AtomicInteger value = new AtomicInteger();
            up.put(name, value);
            Gauge.builder("guichet.gateway.provider.up", value, AtomicInteger::get)
                    .description("1 when the provider adapter answers its readiness check and its circuit at the gateway is not open, else 0")
                    .tag("provider", name)
                    .register(registry);
        }
    }

    /** Probes every adapter once; a probe already running makes the next one skip. */
    @Scheduled(every = "${guichet.gateway.provider-probe-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void probe() {
        up.forEach((name, value) -> {
            int now = isUp(name) ? 1 : 0;
            if (value.getAndSet(now) != now && now == 0) {
                LOG.warnf("Provider %s is down for the gateway (readiness or circuit)", name);
            }
        });
    }

    /** The last probe's verdict for {@code provider}: 1 up, 0 down or not yet probed. */
    public int value(String provider) {
        AtomicInteger value = up.get(provider);
        return value == null ? 0 : value.get();
    }

    private boolean isUp(String name) {
        ProviderClients.Provider p = providers.get(name);
        return p.circuitState() != CircuitBreakerState.OPEN && providers.health(name) == 200;
    }
}
