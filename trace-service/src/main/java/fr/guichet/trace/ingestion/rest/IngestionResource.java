package fr.guichet.trace.ingestion.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.trace.TraceEvent;
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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    public IngestionResource(IngestionService ingestion, ObjectMapper json) {
        this.ingestion = ingestion;
        this.json = json;
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
        List<JsonNode> nodes = contentType != null && contentType.startsWith(NDJSON) ? readNdjson(body) : readArray(body);
        if (nodes.size() > ingestion.maxBatchSize()) {
            throw TraceErrors.invalidParameter("body", "Le lot contient " + nodes.size()
                    + " événements ; au plus " + ingestion.maxBatchSize() + " par requête");
        }
        String client = security.getUserPrincipal().getName();
        Instant now = ingestion.now();
        List<TraceEvent> valid = new ArrayList<>(nodes.size());
        List<ApiError> errors = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            if (node == null || !node.isObject()) {
                errors.add(TraceErrors.invalidEvent(i, null, "L'événement n'est pas un objet JSON"));
                continue;
            }
            TraceEvent event;
            try {
                event = json.treeToValue(node, TraceEvent.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                errors.add(TraceErrors.invalidEvent(i, null, "L'événement est mal formé : " + firstLine(e.getMessage())));
                continue;
            }
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
                nodes.size() - valid.size(), result.accepted(), result.duplicates());
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

    private List<JsonNode> readArray(InputStream body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw TraceErrors.unreadableBody("Le corps n'est pas un JSON valide : " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw TraceErrors.unreadableBody("Le corps de la requête est vide : un tableau d'événements est attendu");
        }
        if (!root.isArray()) {
            throw TraceErrors.unreadableBody("Un tableau JSON d'événements est attendu");
        }
        List<JsonNode> nodes = new ArrayList<>(root.size());
        root.forEach(nodes::add);
        return nodes;
    }

    /** NDJSON: an unreadable line refuses that event only. */
    private List<JsonNode> readNdjson(InputStream body) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    nodes.add(json.readTree(line));
                } catch (JsonProcessingException e) {
                    nodes.add(null);
                }
            }
        }
        return nodes;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String s = nl < 0 ? message : message.substring(0, nl);
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

}
