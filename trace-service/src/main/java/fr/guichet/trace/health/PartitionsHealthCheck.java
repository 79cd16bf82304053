package fr.guichet.trace.health;

import fr.guichet.trace.store.PartitionManager;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while next month's partition exists: the month boundary must never find none. */
@Readiness
@ApplicationScoped
public class PartitionsHealthCheck implements HealthCheck {

    private final PartitionManager partitions;

    public PartitionsHealthCheck(PartitionManager partitions) {
        this.partitions = partitions;
    }

    @Override
    public HealthCheckResponse call() {
        LocalDate next = LocalDate.now(Clock.systemUTC()).plusMonths(1).withDayOfMonth(1);
        return HealthCheckResponse.named("trace partitions")
                .status(partitions.exists(next))
                .withData("next_month", next.toString())
                .build();
    }
}
