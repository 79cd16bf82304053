package fr.guichet.gateway.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The journal as tests read it: the event is on disk before the response leaves. */
public final class JournalEvents {

    private JournalEvents() {
    }

    /** Every line of every journal segment, oldest first. */
    public static List<String> lines(TraceJournal journal) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(journal.dir())) {
            for (Path segment : files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).sorted().toList()) {
                lines.addAll(Files.readAllLines(segment));
            }
        }
        return lines;
    }

    /** The event of the call {@code requestId}. */
    public static JsonNode of(TraceJournal journal, ObjectMapper mapper, String requestId) throws IOException {
        for (String line : lines(journal)) {
            JsonNode event = mapper.readTree(line);
            if (requestId.equals(event.path("request_id").asText())) {
                return event;
            }
        }
        throw new AssertionError("no journal entry for " + requestId);
    }
}
