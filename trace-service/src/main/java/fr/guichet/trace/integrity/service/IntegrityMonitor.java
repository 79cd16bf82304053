package fr.guichet.trace.integrity.service;

import fr.guichet.trace.config.TraceConfig;
import fr.guichet.trace.integrity.service.VerificationReport.Problem;
import fr.guichet.trace.retention.service.RetentionService;
import fr.guichet.trace.store.RunLock;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Scheduled verification of the whole retained trace log (cron {@code guichet.trace.integrity.schedule},
 * daily by default), whose outcome operators alert on:
 * <ul>
 * <li>{@code guichet_trace_integrity_ok}: 1 intact, 0 anomalies found; unchanged when a run could not verify
 * (NaN before the first completed run);</li>
 * <li>{@code guichet_trace_integrity_anomalies}: anomalies found by the last completed run;</li>
 * <li>{@code guichet_trace_integrity_last_run_seconds}: end of the last completed run, epoch seconds;</li>
 * <li>{@code guichet_trace_integrity_failures_total}: runs that could not verify (database unreachable...).</li>
 * </ul>
 * Anomalies are logged at ERROR in one line naming the first findings (kind, month, batch, event
 * id: never the content of a trace). Runs never overlap: not within a replica, nor across
 * replicas (session advisory lock; a replica finding it taken skips its run).
 */
@Startup // the meters exist (NaN) from the start, not from the first run
@ApplicationScoped
public class IntegrityMonitor {

    private static final Logger LOG = Logger.getLogger(IntegrityMonitor.class);
    /** Advisory lock key of the scheduled verification ("trace" + 2; retention uses + 1). */
    static final long RUN_LOCK = SealService.LOCK + 2;
    /** Findings named in the ERROR line; the full list is in {@code GET /admin/traces/verify}. */
    static final int LOGGED_PROBLEMS = 5;

    /** What a call to {@link #runNow()} did. */
    public enum Outcome {
        INTACT, ANOMALIES, COULD_NOT_VERIFY, SKIPPED
    }

    private final ChainVerifier verifier;
    private final AgroalDataSource dataSource;
    private final RetentionService retention;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter failures;
    private volatile double ok = Double.NaN;
    private volatile double anomalies = Double.NaN;
    private volatile double lastRun = Double.NaN;

    public IntegrityMonitor(ChainVerifier verifier, AgroalDataSource dataSource, RetentionService retention,
                            MeterRegistry registry) {
        this.verifier = verifier;
        this.dataSource = dataSource;
        this.retention = retention;
        Gauge.builder("guichet.trace.integrity.ok", this, m -> m.ok)
                .description("Résultat de la dernière vérification d'intégrité du journal des traces : 1 intact, 0 anomalies")
                .register(registry);
        Gauge.builder("guichet.trace.integrity.anomalies", this, m -> m.anomalies)
                .description("Nombre d'anomalies trouvées par la dernière vérification d'intégrité du journal des traces")
                .register(registry);
        Gauge.builder("guichet.trace.integrity.last.run", this, m -> m.lastRun).baseUnit("seconds")
                .description("Fin de la dernière vérification d'intégrité menée à terme (secondes depuis l'époque Unix)")
                .register(registry);
        this.failures = Counter.builder("guichet.trace.integrity.failures")
                .description("Vérifications d'intégrité du journal des traces qui n'ont pas pu être menées (base indisponible...)")
                .register(registry);
    }

    @Scheduled(cron = "${guichet.trace.integrity.schedule}", identity = "trace-integrity",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runNow();
    }

    /**
     * Verifies the whole retained log now (from the first day of the oldest retained month to now)
     * and updates the meters; skips when a run is already going on here or on another replica.
     * Never throws: a run that cannot verify counts in {@code guichet_trace_integrity_failures_total}.
     */
    public Outcome runNow() {
        if (!running.compareAndSet(false, true)) {
            LOG.info("trace integrity verification already running; skipped");
            return Outcome.SKIPPED;
        }
        try {
            Instant now = Clock.systemUTC().instant();
            Instant from = YearMonth.from(now.atOffset(ZoneOffset.UTC))
                    .minusMonths(retention.configuredPolicy().partitionMonths())
                    .atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Optional<VerificationReport> report = RunLock.ifFree(dataSource, RUN_LOCK, () -> verifier.verify(from, now));
            if (report.isEmpty()) {
                LOG.info("trace integrity verification running on another replica; skipped");
                return Outcome.SKIPPED;
            }
            return record(report.get());
        } catch (SQLException | RuntimeException e) {
            failures.increment();
            LOG.errorf("trace integrity verification could not run: %s", e.getMessage());
            return Outcome.COULD_NOT_VERIFY;
        } finally {
            running.set(false);
        }
    }

    private Outcome record(VerificationReport report) {
        anomalies = report.problemCount();
        ok = report.ok() ? 1 : 0;
        lastRun = Clock.systemUTC().millis() / 1000.0;
        if (report.ok()) {
            LOG.infof("trace integrity verified: intact (%s months, %d events)", report.monthsVerified().size(),
                    report.eventsChecked());
            return Outcome.INTACT;
        }
        LOG.errorf("trace integrity verification found %d anomalies over %s..%s; first: %s", report.problemCount(),
                report.from(), report.to(), report.problems().stream().limit(LOGGED_PROBLEMS)
                        .map(IntegrityMonitor::describe).collect(Collectors.joining("; ")));
        return Outcome.ANOMALIES;
    }

    /** Kind, month, batch and event id of a finding (record id for seals and purges): nothing of a trace's content. */
    static String describe(Problem p) {
        StringBuilder s = new StringBuilder(p.type());
        if (p.month() != null) {
            s.append(" month=").append(p.month());
        }
        if (p.batchSeq() != null) {
            s.append(" batch=").append(p.batchSeq());
        }
        if (p.eventId() != null) {
            s.append(" event=").append(p.eventId());
        }
        if (p.month() == null && p.eventId() == null) {
            // seal and purge findings: their detail names the seal or purge record (ids only)
            s.append(" (").append(p.detail()).append(')');
        }
        return s.toString();
    }
}
