package fr.guichet.trace.query.rest;

import fr.guichet.common.identifier.Siren;
import fr.guichet.common.identifier.Siret;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.audit.AuditTrail;
import fr.guichet.trace.common.Periods;
import fr.guichet.trace.config.TraceConfig;
import fr.guichet.trace.error.TraceErrors;
import fr.guichet.trace.query.service.ExportService;
import fr.guichet.trace.query.service.TraceFilter;
import fr.guichet.trace.query.service.TraceQueries;
import fr.guichet.trace.security.Roles;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Auditors' and operators' searches and audit exports over a period. */
@Path("/admin/traces")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AdminTracesResource {

    private final TraceQueries queries;
    private final ExportService exports;
    private final TraceConfig config;
    private final AuditTrail audit;
    private final SecurityIdentity identity;

    public AdminTracesResource(TraceQueries queries, ExportService exports, TraceConfig config, AuditTrail audit,
                               SecurityIdentity identity) {
        this.queries = queries;
        this.exports = exports;
        this.config = config;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recherche de traces par organisation, jeton, SIREN/SIRET ou destinataire sur une période")
    public Uni<SearchPage> search(
            @QueryParam("organisation") String organisation, @QueryParam("token") String token,
            @QueryParam("siren") String siren, @QueryParam("siret") String siret,
            @QueryParam("recipient") String recipient, @QueryParam("status") String status,
            @QueryParam("operation") String operation, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("before") String before) {
        TraceFilter filter = filter(organisation, token, siren, siret, recipient, status, operation, from, to, true);
        if (before != null && !before.isBlank()) {
            try {
                filter = filter.before(TraceFilter.Cursor.parse(before.trim()));
            } catch (RuntimeException e) {
                throw TraceErrors.invalidParameter("before", "Le paramètre before doit être la valeur next_cursor d'une page précédente");
            }
        }
        int n = QueryParams.limit(limit, 100, config.export().maxSearchLimit());
        Map<String, String> criteria = criteria(filter);
        criteria.put("limit", Integer.toString(n));
        criteria.put("before", blank(before));
        TraceFilter query = filter;
        // the search is on record before anything is read
        return audit.recordRead(identity, "/admin/traces", "trace_search", criteria).chain(() -> queries.search(query, n))
                .map(events -> SearchPage.of(events, n));
    }

    /** A page of search results, newest first; {@code meta.next_cursor} is the {@code before} of the next page. */
    @RegisterForReflection
    public record SearchPage(List<TraceEvent> data, SearchMeta meta) {

        /** The page of {@code events} read with {@code limit}: a full page has a next one. */
        public static SearchPage of(List<TraceEvent> events, int limit) {
            String next = events.size() < limit ? null
                    : new TraceFilter.Cursor(events.get(limit - 1).timestamp(), events.get(limit - 1).id()).toString();
            return new SearchPage(events, new SearchMeta(next));
        }
    }

    @RegisterForReflection
    public record SearchMeta(@JsonProperty("next_cursor") String nextCursor) {
    }

    /**
     * One stored event by id, as searches return it, in {@code data}. Recorded ({@code trace_read})
     * before it is read, like every admin or auditor read. Errors: 422 {@code 00262} when the id is
     * not a UUID, 404 {@code 00263} when no trace has it (never existed, or purged).
     */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Une trace par son identifiant (UUID)")
    public Uni<EventPage> byId(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw TraceErrors.invalidParameter("id", "L'identifiant de trace doit être un UUID");
        }
        // the canonical form, so that the audit record cannot carry arbitrary text
        String canonical = uuid.toString();
        return audit.recordRead(identity, "/admin/traces/" + canonical, "trace_read", Map.of("id", canonical))
                .chain(() -> queries.byId(uuid))
                .map(event -> new EventPage(event.orElseThrow(
                        () -> TraceErrors.notFound("Aucune trace n'a l'identifiant " + canonical
                                + " (inconnu, ou effacé par la politique de conservation)"))));
    }

    /** One event. */
    @RegisterForReflection
    public record EventPage(TraceEvent data) {
    }

    @GET
    @Path("/export")
    @Blocking
    @Produces({ExportResponses.NDJSON, ExportResponses.CSV})
    @Operation(summary = "Export des traces d'une période (NDJSON ou CSV), diffusé ligne à ligne")
    public Response export(@QueryParam("format") String format,
                           @QueryParam("organisation") String organisation, @QueryParam("token") String token,
                           @QueryParam("siren") String siren, @QueryParam("siret") String siret,
                           @QueryParam("recipient") String recipient, @QueryParam("status") String status,
                           @QueryParam("operation") String operation, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        ExportService.Format f;
        if (format == null || format.isBlank() || format.equalsIgnoreCase("ndjson")) {
            f = ExportService.Format.NDJSON;
        } else if (format.equalsIgnoreCase("csv")) {
            f = ExportService.Format.CSV;
        } else {
            throw TraceErrors.invalidParameter("format", "Le paramètre format doit valoir ndjson ou csv");
        }
        TraceFilter filter = filter(organisation, token, siren, siret, recipient, status, operation, from, to, false);
        // the export is on record before its first row leaves
        Map<String, String> criteria = criteria(filter);
        criteria.put("format", f.name().toLowerCase(java.util.Locale.ROOT));
        audit.record(identity, "GET", "/admin/traces/export", "trace_export", criteria, 200);
        StreamingOutput body = out -> exports.export(filter, f, out);
        String type = f == ExportService.Format.CSV ? ExportResponses.CSV : ExportResponses.NDJSON;
        String name = "traces-" + filter.from().atOffset(ZoneOffset.UTC).toLocalDate() + "-"
                + filter.to().atOffset(ZoneOffset.UTC).toLocalDate() + (f == ExportService.Format.CSV ? ".csv" : ".ndjson");
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private TraceFilter filter(String organisation, String token, String siren, String siret, String recipient,
                               String status, String operation, String from, String to, boolean needsSubject) {
        // a partner organisation is named by its SIRET: anything else can match no trace
        if (organisation != null && !organisation.isBlank() && !Siret.isValid(organisation.trim())) {
            throw TraceErrors.invalidParameter("organisation", "Le paramètre organisation doit être un numéro de siret valide");
        }
        if (siren != null && !Siren.isValid(siren)) {
            throw TraceErrors.invalidParameter("siren", "Le numéro de siren n'est pas correctement formatté");
        }
        if (siret != null && !Siret.isValid(siret)) {
            throw TraceErrors.invalidParameter("siret", "Le numéro de siret n'est pas correctement formatté");
        }
        Instant end = Periods.to(to, Instant.now());
        Instant start = Periods.from(from, end.minus(30, ChronoUnit.DAYS));
        Periods.checkOrder(start, end);
        TraceFilter filter = new TraceFilter(blank(organisation), blank(token), blank(siren), blank(siret), blank(recipient),
                QueryParams.status(status), blank(operation), start, end);
        if (needsSubject && !filter.hasSubject()) {
            throw TraceErrors.invalidParameter("organisation",
                    "Indiquez au moins un critère : organisation, token, siren, siret ou recipient");
        }
        return filter;
    }

    /** The criteria of a search or export, as recorded in the audit event. */
    private static Map<String, String> criteria(TraceFilter filter) {
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("organisation", filter.organisation());
        criteria.put("token", filter.token());
        criteria.put("siren", filter.siren());
        criteria.put("siret", filter.siret());
        criteria.put("recipient", filter.recipient());
        criteria.put("status", filter.status() == null ? null : filter.status().toString());
        criteria.put("operation", filter.operation());
        criteria.put("from", filter.from().toString());
        criteria.put("to", filter.to().toString());
        return criteria;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Media types of exports. */
    public static final class ExportResponses {
        public static final String NDJSON = "application/x-ndjson";
        public static final String CSV = "text/csv";

        private ExportResponses() {
        }
    }
}
