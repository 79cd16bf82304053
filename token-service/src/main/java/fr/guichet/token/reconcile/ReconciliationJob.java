package fr.guichet.token.reconcile;

import fr.guichet.token.incident.service.IncidentService;
import fr.guichet.token.key.KeyService;
import fr.guichet.token.token.TokenService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Periodically re-aligns derived state with PostgreSQL: reloads the key ring (rotations made by
 * another instance) and rewrites the Redis copy of every token still presentable (Redis flushed,
 * a write lost during an outage), and the copy of the incident switch.
 */
@ApplicationScoped
public class ReconciliationJob {

    private static final Logger LOG = Logger.getLogger(ReconciliationJob.class);

    @Inject
    KeyService keys;

    @Inject
    TokenService tokens;

    @Inject
    IncidentService incidents;

    @Scheduled(every = "${guichet.token.reconciliation-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(f -> LOG.warnf("Reconciliation failed, next run will retry: %s", f.toString()))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    public Uni<Integer> run() {
        return keys.reload().chain(tokens::republishAll).call(incidents::republish);
    }
}
