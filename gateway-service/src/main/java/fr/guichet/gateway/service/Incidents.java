package fr.guichet.gateway.service;

import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** The operator's incident switches: cut the whole data plane, or some providers, with a 503. */
@ApplicationScoped
public class Incidents {

    private final boolean dataPlaneCut;
    private final Set<String> cutProviders;
    private final long retryIn;

    public Incidents(GatewayConfig config) {
        this.dataPlaneCut = config.incident().dataPlaneCut();
        this.cutProviders = Set.copyOf(config.incident().cutProviders().orElse(List.of()));
        this.retryIn = config.incident().retryIn();
    }

    public void check(Route route) {
        if (dataPlaneCut || cutProviders.contains(route.provider())) {
            throw Errors.maintenance(route.errorPrefix(), retryIn);
        }
    }

    public boolean isCut(String provider) {
        return dataPlaneCut || cutProviders.contains(provider);
    }
}
