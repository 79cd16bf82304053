package fr.guichet.gateway.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Ships journal batches to trace-service ({@code POST /traces}, NDJSON, Basic {@code gateway:<secret>})
 * and advances the journal offset only once trace-service has committed them: after a 200, or after
 * a 422, which means the valid events were committed and the listed ones refused. Refused events go
 * to {@value #DEAD_LETTER_FILE} next to the journal (kept for an operator, logged at ERROR, counted in
 * {@code guichet_gateway_traces_dead_lettered_total}) so that one bad event never blocks shipping.
 * Any other answer leaves the batch in the journal and is retried. trace-service is idempotent on
 * event id, so a batch re-sent after a crash is harmless.
 */
@ApplicationScoped
public class TraceShipper {

    private static final Logger LOG = Logger.getLogger(TraceShipper.class);
    static final String DEAD_LETTER_FILE = "dead-letter.ndjson";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final java.util.regex.Pattern POINTER = java.util.regex.Pattern.compile("^/(\\d+)(/.*)?$");

    private final TraceJournal journal;
    private final GatewayConfig.TraceService config;
    private final HttpClient http;
    private final String authorization;
    private final Counter shipped;
    private final Counter deadLettered;
    /** Epoch seconds of the last acknowledged batch: with a non-empty journal, its age tells a stalled shipment. */
    private final AtomicLong lastShipped = new AtomicLong();
    private volatile boolean running;
    private volatile boolean lastAttemptFailed;
    private Thread thread;

    @jakarta.inject.Inject
    public TraceShipper(TraceJournal journal, GatewayConfig config, MeterRegistry registry) {
        this(journal, config.traceService(), registry);
    }

    TraceShipper(TraceJournal journal, GatewayConfig.TraceService config, MeterRegistry registry) {
        this.journal = journal;
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(2)).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (this.config.client() + ":" + this.config.secret()).getBytes(StandardCharsets.UTF_8));
        this.shipped = Counter.builder("guichet.gateway.traces.shipped")
                .description("Trace events trace-service committed from this gateway's journal").register(registry);
        Gauge.builder("guichet.gateway.trace.last.shipped.seconds", lastShipped, AtomicLong::get)
                .description("Time of the last batch trace-service committed, in seconds since the epoch (0 before the first)")
                .register(registry);
        this.deadLettered = Counter.builder("guichet.gateway.traces.dead_lettered")
                .description("Trace events refused by trace-service, kept in " + DEAD_LETTER_FILE).register(registry);
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

    /** Epoch seconds of the last batch trace-service committed, 0 before the first. */
    public long lastShippedSeconds() {
        return lastShipped.get();
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
                    LOG.warnf("trace-service did not take the batch (%s): traces wait in the journal (%d bytes)",
                            e.toString(), journal.backlogBytes());
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
        List<byte[]> sent = sendable(chunk);
        if (sent.isEmpty()) {
            journal.acknowledge(chunk);
            return true;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] line : sent) {
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
        onAnswer(chunk, response.statusCode(), response.body());
        if (lastAttemptFailed) {
            LOG.infof("trace-service reachable again: shipping the journal (%d bytes left)", journal.backlogBytes());
            lastAttemptFailed = false;
        }
        return chunk.lines().size() >= config.batchSize();
    }

    /**
     * Acts on trace-service's answer to a batch: advances the journal past it once trace-service has
     * committed it (200, or 422 with the refused events dead-lettered), else throws so that the batch
     * is sent again.
     */
    void onAnswer(TraceJournal.Chunk chunk, int status, String body) throws IOException {
        List<byte[]> sent = sendable(chunk);
        int refused = switch (status) {
            case 200 -> 0;
            case 422 -> deadLetter(sent, body);
            default -> throw new IOException("trace-service answered " + status + ": " + abbreviate(body));
        };
        journal.acknowledge(chunk);
        shipped.increment(sent.size() - refused);
        lastShipped.set(java.time.Instant.now().getEpochSecond());
    }

    /**
     * The lines of a chunk that are sent, in order. trace-service skips blank NDJSON lines when it
     * numbers events, so they are never sent: the indexes of its answer then point into this list.
     */
    static List<byte[]> sendable(TraceJournal.Chunk chunk) {
        List<byte[]> sent = new ArrayList<>(chunk.lines().size());
        for (byte[] line : chunk.lines()) {
            if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
                sent.add(line);
            }
        }
        return sent;
    }

    /**
     * Handles a 422. A partial ingestion (the body counts {@code accepted}) means trace-service committed
     * the valid events and lists the refused ones by index ({@code errors[].meta.index}, else
     * {@code errors[].source.pointer} {@code /i/field}): the refused lines are appended to the
     * dead-letter file and made durable before the batch is acknowledged. If no index can be read,
     * the whole batch is dead-lettered: nothing is lost, and re-sending it later is harmless since
     * trace-service ignores events it already holds. Any other 422 (e.g. a batch over trace-service's
     * size limit) stored nothing: the batch stays in the journal.
     *
     * @return how many events were dead-lettered
     */
    int deadLetter(List<byte[]> sent, String body) throws IOException {
        JsonNode answer;
        try {
            answer = MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            answer = MAPPER.createObjectNode();
        }
        if (!answer.path("accepted").isNumber()) {
            LOG.errorf("trace-service refused a whole batch of %d events (%s): it stays in the journal",
                    sent.size(), abbreviate(body));
            throw new IOException("trace-service answered 422 without storing the batch: " + abbreviate(body));
        }
        TreeSet<Integer> indexes = refusedIndexes(answer, sent.size());
        boolean unreadable = indexes.isEmpty();
        if (unreadable) {
            for (int i = 0; i < sent.size(); i++) {
                indexes.add(i);
            }
        }
        List<byte[]> refused = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            refused.add(sent.get(i));
        }
        Path file = journal.dir().resolve(DEAD_LETTER_FILE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (byte[] line : refused) {
                ch.write(java.nio.ByteBuffer.wrap(line));
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
            }
            ch.force(true);
        }
        deadLettered.increment(refused.size());
        if (unreadable) {
            LOG.errorf("trace-service refused a batch of %d events without saying which (%s): all kept in %s",
                    sent.size(), abbreviate(body), file);
        } else {
            LOG.errorf("trace-service refused %d of %d events (indexes %s: %s): kept in %s, the others are stored",
                    refused.size(), sent.size(), indexes, abbreviate(body), file);
        }
        return refused.size();
    }

    /** Indexes of the refused events named in a 422 body, within {@code [0, size)}. */
    static TreeSet<Integer> refusedIndexes(JsonNode answer, int size) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (JsonNode error : answer.path("errors")) {
            int index = -1;
            JsonNode meta = error.path("meta").path("index");
            if (meta.canConvertToInt()) {
                index = meta.asInt();
            } else {
                String pointer = error.path("source").path("pointer").asText("");
                java.util.regex.Matcher m = POINTER.matcher(pointer);
                if (m.matches()) {
                    index = Integer.parseInt(m.group(1));
                }
            }
            if (index >= 0 && index < size) {
                indexes.add(index);
            }
        }
        return indexes;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
