package fr.guichet.acoss.attestation.rest;

import fr.guichet.acoss.attestation.service.AttestationService;
import fr.guichet.acoss.common.Identifiers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * URSSAF's attestation de vigilance, on the public API Entreprise paths (reached through the
 * gateway only). Blocking work (URSSAF, PDFBox, Redis) runs on worker threads: these methods
 * return plain values, which RESTEasy Reactive dispatches off the event loop.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AttestationVigilanceResource {

    private final AttestationService service;
    private final Identifiers identifiers;

    public AttestationVigilanceResource(AttestationService service, Identifiers identifiers) {
        this.service = service;
        this.identifiers = identifiers;
    }

    @GET
    @Path("/v3/urssaf/unites_legales/{siren}/attestation_vigilance")
    @Operation(operationId = "api_entreprise_v3_acoss_attestations_sociales", summary = "Attestation de vigilance (v3)")
    public Response v3(@PathParam("siren") String siren, @QueryParam("recipient") String recipient) {
        identifiers.siren(siren);
        identifiers.recipient(recipient);
        return service.v3(siren, recipient).toResponse();
    }

    @GET
    @Path("/v4/urssaf/unites_legales/{siren}/attestation_vigilance")
    @Operation(operationId = "api_entreprise_v4_acoss_attestations_sociales", summary = "Attestation de vigilance (v4)")
    public Response v4(@PathParam("siren") String siren, @QueryParam("recipient") String recipient) {
        identifiers.siren(siren);
        identifiers.recipient(recipient);
        return service.v4(siren, recipient).toResponse();
    }
}
