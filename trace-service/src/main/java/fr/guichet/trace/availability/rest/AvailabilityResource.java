package fr.guichet.trace.availability.rest;

import fr.guichet.trace.availability.service.AvailabilityQueries;
import fr.guichet.trace.availability.service.AvailabilityReport;
import fr.guichet.trace.availability.service.AvailabilityStore;
import fr.guichet.trace.error.TraceErrors;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The providers' availability per day, public (the status page shows it, partners may read it):
 * it says nothing of any partner's calls.
 */
@Path("/public/availability")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class AvailabilityResource {

    /** The most days a report covers: those kept (100). */
    static final int MAX_DAYS = 100;

    private final AvailabilityQueries queries;

    public AvailabilityResource(AvailabilityQueries queries) {
        this.queries = queries;
    }

    /**
     * The last {@code days} days (default 90, 1 to 100) up to today (Europe/Paris) and the current
     * month, per provider.
     *
     * @throws fr.guichet.common.error.ApiException 422 {@code 00262} when {@code days} is not an
     *         integer from 1 to 100
     */
    @GET
    @Operation(summary = "Disponibilité des fournisseurs par jour et sur le mois en cours")
    public AvailabilityReport availability(@QueryParam("days") String days) {
        return queries.report(days(days), LocalDate.now(AvailabilityStore.PARIS));
    }

    static int days(String value) {
        if (value == null || value.isBlank()) {
            return 90;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw TraceErrors.invalidParameter("days", "Le paramètre days doit être un entier compris entre 1 et " + MAX_DAYS);
    }
}
