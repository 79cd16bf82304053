package fr.guichet.gateway.trace;

import fr.guichet.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Ships journal batches to trace-service ({@code POST /traces}, NDJSON, Basic {@code gateway:<secret>})
 * and advances the journal offset only after trace-service answered 200, i.e. committed them.
 * trace-service is idempotent on event id, so a batch re-sent after a crash is harmless.
 */
@ApplicationScoped
public class TraceShipper {

    private static final Logger LOG = Logger.getLogger(TraceShipper.class);

    private final TraceJournal journal;
    private final GatewayConfig.TraceService config;
    private final HttpClient http;
    private final String authorization;
    private final Counter shipped;
    private volatile boolean running;
    private volatile boolean lastAttemptFailed;
    private Thread thread;

    public TraceShipper(TraceJournal journal, GatewayConfig config, MeterRegistry registry) {
        this.journal = journal;
        this.config = config.traceService();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(2)).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (this.config.client() + ":" + this.config.secret()).getBytes(StandardCharsets.UTF_8));
        this.shipped = Counter.builder("guichet.gateway.traces.shipped").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, "trace-shipper");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean lastAttemptFailed() {
        return lastAttemptFailed;
    }

    private void loop() {
        long pause = config.shipInterval().toMillis();
        while (running) {
            try {
                boolean more = shipOnce();
                if (!more) {
                    Thread.sleep(pause);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!lastAttemptFailed) {
                    LOG.warnf("trace-service unreachable (%s): traces wait in the journal (%d bytes)", e.toString(),
                            journal.backlogBytes());
                }
                lastAttemptFailed = true;
                try {
                    // Back off while trace-service is away; the journal keeps everything meanwhile.
                    Thread.sleep(Math.max(pause, 1000));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Ships one batch; true when a full batch went (more may be waiting). */
    public boolean shipOnce() throws IOException, InterruptedException {
        if (journal.dir() == null) {
            return false;
        }
        TraceJournal.Chunk chunk = journal.read(journal.readOffset(), config.batchSize());
        if (chunk.lines().isEmpty()) {
            if (!chunk.next().equals(chunk.from())) {
                journal.acknowledge(chunk);
                return true;
            }
            return false;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] line : chunk.lines()) {
            body.write(line);
            body.write('\n');
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url() + "/traces"))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("trace-service answered " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        journal.acknowledge(chunk);
        shipped.increment(chunk.lines().size());
        if (lastAttemptFailed) {
            LOG.infof("trace-service reachable again: shipping the journal (%d bytes left)", journal.backlogBytes());
            lastAttemptFailed = false;
        }
        return chunk.lines().size() >= config.batchSize();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
