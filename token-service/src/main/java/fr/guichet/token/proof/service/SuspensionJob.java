package fr.guichet.token.proof.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Applies the security-proof suspension rule ({@link SecurityProofService}) on
 * {@code guichet.token.security-proof.suspension-cron} (hourly by default): a habilitation whose
 * proof ended yesterday is suspended within the hour after midnight.
 */
@ApplicationScoped
public class SuspensionJob {

    private static final Logger LOG = Logger.getLogger(SuspensionJob.class);

    @Inject
    SecurityProofService proofs;

    @Scheduled(cron = "${guichet.token.security-proof.suspension-cron:0 5 * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    /** One pass at the service's clock; answers the number of habilitations suspended or resumed. */
    public Uni<Integer> run() {
        return proofs.applyAll().invoke(n -> {
            if (n > 0) {
                LOG.infof("Security proofs: %d habilitation(s) suspended or resumed", n);
            }
        });
    }
}
