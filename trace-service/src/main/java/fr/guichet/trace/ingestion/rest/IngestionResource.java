package fr.guichet.trace.ingestion.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.error.JsonReadErrors;
import fr.guichet.trace.error.TraceErrors;
import fr.guichet.trace.ingestion.service.IngestionResult;
import fr.guichet.trace.ingestion.service.IngestionService;
import fr.guichet.trace.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * {@code POST /traces}: a batch of trace events from the gateway or token-service, as a JSON array
 * or as NDJSON (one event per line).
 *
 * <p>Bad events are refused one by one: the valid events of the batch are stored and committed,
 * and the answer is a 422 that lists each refused event by its index, with the counts of what was
 * stored. A re-sent batch is harmless (idempotent on the event id), so a client may retry it whole.
 */
@Path("/traces")
public class IngestionResource {

    public static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = Logger.getLogger(IngestionResource.class);

    private final IngestionService ingestion;
    private final ObjectMapper json;
    /** One event a line: anything after the event on its line refuses it, rather than being dropped unread. */
    private final ObjectReader eventLine;
    private final ObjectReader treeLine;

    public IngestionResource(IngestionService ingestion, ObjectMapper json) {
        this.ingestion = ingestion;
        this.json = json;
        this.eventLine = json.readerFor(TraceEvent.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.treeLine = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** 422 body: the API Entreprise error list plus what was stored anyway. */
    @RegisterForReflection
    public record PartialIngestion(List<ApiError> errors, int accepted, int duplicates) {
    }

    @POST
    @Blocking
    @RolesAllowed(Roles.TRACE_WRITER)
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingère un lot d'événements de trace (tableau JSON ou NDJSON)")
    @APIResponse(responseCode = "200", description = "Tous les événements sont enregistrés (ou l'étaient déjà)",
            content = @Content(schema = @Schema(implementation = IngestionResult.class)))
    @APIResponse(responseCode = "422", description = "Les événements invalides sont refusés un à un ; "
            + "les autres sont enregistrés et comptés dans accepted/duplicates",
            content = @Content(schema = @Schema(implementation = PartialIngestion.class)))
    @APIResponse(responseCode = "400", description = "Corps illisible : rien n'est enregistré")
    @APIResponse(responseCode = "401", description = "Client inconnu ou secret invalide")
    @APIResponse(responseCode = "503", description = "Stockage indisponible : rien n'est enregistré, renvoyer le lot")
    public Response ingest(@HeaderParam("Content-Type") String contentType, InputStream body,
                           @Context SecurityContext security) throws IOException {
        boolean ndjson = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(NDJSON);
        List<Candidate> candidates = ndjson ? readNdjson(body) : readArray(body);
        String client = security.getUserPrincipal().getName();
        Instant now = ingestion.now();
        List<TraceEvent> valid = new ArrayList<>(candidates.size());
        List<ApiError> errors = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            if (candidate.refusal() != null) {
                errors.add(TraceErrors.invalidEvent(i, candidate.pointer(), candidate.refusal()));
                continue;
            }
            TraceEvent event = candidate.event();
            java.util.Optional<ApiError> wrongKind = kindRefusal(client, i, event);
            if (wrongKind.isPresent()) {
                errors.add(wrongKind.get());
                continue;
            }
            List<ApiError> eventErrors = ingestion.validate(i, event, now);
            if (eventErrors.isEmpty()) {
                valid.add(event);
            } else {
                errors.addAll(eventErrors);
            }
        }
        IngestionResult result = ingestion.store(valid, client);
        if (errors.isEmpty()) {
            return Response.ok(result).build();
        }
        LOG.warnf("trace batch from %s: %d events refused, %d stored, %d duplicates", client,
                candidates.size() - valid.size(), result.accepted(), result.duplicates());
        return Response.status(422).entity(new PartialIngestion(errors, result.accepted(), result.duplicates())).build();
    }

    /**
     * Each writing service writes only its own kind of event: the gateway {@code api_call}, token-service
     * {@code admin_action} ({@link Roles#kindWrittenBy}). Another kind is refused like any invalid event.
     */
    static java.util.Optional<ApiError> kindRefusal(String client, int index, TraceEvent event) {
        TraceEvent.Kind allowed = Roles.kindWrittenBy(client);
        if (event.kind() == null || event.kind() == allowed) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(TraceErrors.invalidEvent(index, "kind", "Le client « " + client
                + " » n'écrit que des événements « " + (allowed == null ? "aucun" : wire(allowed)) + " »"));
    }

    private static String wire(TraceEvent.Kind kind) {
        return kind == TraceEvent.Kind.API_CALL ? "api_call" : "admin_action";
    }

    /**
     * One event of a batch as read: the event, or why it is refused ({@code refusal}, French) and
     * the field concerned ({@code pointer} within the event, null for the event as a whole).
     */
    private record Candidate(TraceEvent event, String pointer, String refusal) {

        static Candidate of(TraceEvent event) {
            return new Candidate(event, null, null);
        }

        static Candidate refused(String refusal) {
            return new Candidate(null, null, refusal);
        }

        /** An event that is a JSON object but does not bind: said in French, never in Jackson's words. */
        static Candidate malformed(Exception failure) {
            return new Candidate(null, JsonReadErrors.pointer(failure), MALFORMED + JsonReadErrors.binding(failure));
        }
    }

    private static final String NOT_AN_OBJECT = "L'événement n'est pas un objet JSON";
    private static final String MALFORMED = "L'événement est mal formé : ";

    /**
     * A JSON array of events, read element by element: beyond the batch limit, elements are only
     * counted (a huge array of small objects once filled the heap before the limit was checked).
     */
    private List<Candidate> readArray(InputStream body) {
        List<Candidate> candidates = new ArrayList<>();
        int count = 0;
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw TraceErrors.unreadableBody("Le corps de la requête est vide : un tableau d'événements est attendu");
            }
            if (first != JsonToken.START_ARRAY) {
                throw TraceErrors.unreadableBody("Un tableau JSON d'événements est attendu");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw TraceErrors.unreadableBody("Le corps n'est pas un JSON valide : le tableau n'est pas fermé");
                }
                count++;
                if (count > ingestion.maxBatchSize()) {
                    parser.skipChildren();
                } else {
                    candidates.add(bound(parser.readValueAsTree()));
                }
            }
            if (parser.nextToken() != null) {
                throw TraceErrors.unreadableBody("Le corps n'est pas un JSON valide : du contenu suit le tableau");
            }
        } catch (IOException e) {
            throw TraceErrors.unreadableBody("Le corps n'est pas un JSON valide : " + JsonReadErrors.syntax(e));
        }
        refuseAbove(count);
        return candidates;
    }

    /** 422 {@code 00262} when a batch holds more than {@code guichet.trace.ingestion.max-batch-size} events. */
    private void refuseAbove(int count) {
        if (count > ingestion.maxBatchSize()) {
            throw TraceErrors.invalidParameter("body", "Le lot contient " + count
                    + " événements ; au plus " + ingestion.maxBatchSize() + " par requête");
        }
    }

    private Candidate bound(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Candidate.refused(NOT_AN_OBJECT);
        }
        try {
            return Candidate.of(json.treeToValue(node, TraceEvent.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Candidate.malformed(e);
        }
    }

    /**
     * NDJSON: one event per line (lines end with LF, CR LF or CR, as {@link java.io.BufferedReader#readLine}
     * reads them), blank lines skipped; an unreadable line refuses that event only. Each line is bound
     * straight from the body's bytes: this is the path of every gateway batch, and a tree of each event
     * first, then a copy of it bound, cost trace-service a third of its time per event
     * (docs/benchmarks.md). A line that does not bind is read again as a tree only to tell a
     * malformed event from one that is no JSON object, as before; it is refused either way. Lines
     * are counted before any is bound, so that a batch over the limit is refused at once.
     */
    private List<Candidate> readNdjson(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n' || bytes[i] == '\r') {
                if (!blank(bytes, start, i)) {
                    lines.add(new int[] {start, i - start});
                }
                start = i + 1;
            }
        }
        refuseAbove(lines.size());
        List<Candidate> candidates = new ArrayList<>(lines.size());
        for (int[] line : lines) {
            candidates.add(line(bytes, line[0], line[1]));
        }
        return candidates;
    }

    private Candidate line(byte[] bytes, int offset, int length) {
        try {
            TraceEvent event = eventLine.readValue(bytes, offset, length);
            // a "null" line binds to no event
            return event == null ? Candidate.refused(NOT_AN_OBJECT) : Candidate.of(event);
        } catch (IOException | IllegalArgumentException e) {
            // Why it failed, read from the same bytes: never a second chance to bind (a lenient
            // decoding once stored invalid UTF-8 as replacement characters).
            JsonNode node;
            try {
                node = treeLine.readTree(bytes, offset, length);
            } catch (IOException notJson) {
                node = null;
            }
            return node == null || !node.isObject() ? Candidate.refused(NOT_AN_OBJECT) : Candidate.malformed(e);
        }
    }

    /** Blank as {@link String#isBlank} says (Unicode white space too), read from the bytes when they are plain ASCII. */
    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b < 0 || b >= 0x1C && b <= 0x1F) {
                return new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
            }
            if (b != ' ' && b != '\t' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

}
