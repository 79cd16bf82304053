package fr.guichet.token.lifecycle;

import fr.guichet.token.incident.service.IncidentService;
import fr.guichet.token.key.KeyService;
import fr.guichet.token.token.TokenService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Before serving: a signing key exists (created at first start) and is loaded, and the Redis copy
 * of every token the gateway may still see is rewritten (Redis may have been emptied meanwhile), and
 * so is the incident switch's.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class);

    @Inject
    KeyService keys;

    @Inject
    TokenService tokens;

    @Inject
    IncidentService incidents;

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> keys.ensureSigningKey());
        LOG.info("Signing keys loaded");
        try {
            Integer republished = VertxContextSupport.subscribeAndAwait(() -> tokens.republishAll());
            LOG.infof("Redis copy of %d token(s) republished", republished);
        } catch (Exception e) {
            // Not fatal: the gateway falls back on GET /internal/tokens/{jti}, and the
            // reconciliation job rewrites the copy once Redis answers again.
            LOG.errorf("Redis copy not republished at start-up (reconciliation will retry): %s", e.toString());
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> incidents.republish());
        } catch (Exception e) {
            // Not fatal either: the gateways keep their last known switch until the reconciliation.
            LOG.errorf("Incident switch not republished at start-up (reconciliation will retry): %s", e.toString());
        }
    }
}
