package fr.guichet.dgfip.attestation;

import static fr.guichet.dgfip.DgfipOperations.ATTESTATIONS_FISCALES_V3;
import static fr.guichet.dgfip.DgfipOperations.ATTESTATIONS_FISCALES_V4;

import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.dgfip.maintenance.MaintenanceWindow;
import fr.guichet.dgfip.sandbox.SandboxAnswers;
import fr.guichet.dgfip.support.Bodies;
import fr.guichet.dgfip.support.Params;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Attestation fiscale v3 and v4 (API Entreprise paths, forwarded unchanged by the gateway). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AttestationFiscaleResource {

    private final ProviderConfig provider;
    private final MaintenanceWindow maintenance;
    private final SandboxAnswers sandbox;
    private final AttestationFiscaleService service;

    public AttestationFiscaleResource(ProviderConfig provider, MaintenanceWindow maintenance, SandboxAnswers sandbox,
                                      AttestationFiscaleService service) {
        this.provider = provider;
        this.maintenance = maintenance;
        this.sandbox = sandbox;
        this.service = service;
    }

    @GET
    @Path("v3/dgfip/unites_legales/{siren}/attestation_fiscale")
    @Operation(operationId = ATTESTATIONS_FISCALES_V3, summary = "Attestation fiscale (v3)")
    public Response v3(@PathParam("siren") String siren) {
        maintenance.check(DgfipErrors.ADELIE);
        Params.siren(siren);
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox.answer(ATTESTATIONS_FISCALES_V3, Map.of("siren", siren));
        }
        return Bodies.ok(Bodies.envelope(service.v3(siren)));
    }

    @GET
    @Path("v4/dgfip/unites_legales/{siren}/attestation_fiscale")
    @Operation(operationId = ATTESTATIONS_FISCALES_V4, summary = "Attestation fiscale (v4, avec dates)")
    public Response v4(@PathParam("siren") String siren) {
        maintenance.check(DgfipErrors.ADELIE);
        Params.siren(siren);
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox.answer(ATTESTATIONS_FISCALES_V4, Map.of("siren", siren));
        }
        return Bodies.ok(Bodies.envelope(service.v4(siren)));
    }
}
