package fr.guichet.token.proof.rest;

import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.proof.service.SecurityProofService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A habilitation's security proof (role admin): record the new one, read them. */
@Tag(name = "Admin : preuves de sécurité", description = "Homologation de sécurité (RGS) ou questionnaire de sécurité d'une habilitation")
@Path("/admin/habilitations/{id}/security_proof")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSecurityProofResource {

    @Inject
    SecurityProofService proofs;

    @Inject
    JsonWebToken session;

    /**
     * Records the habilitation's new security proof → 200, the proofs' view. Lifts a suspension
     * when the proof is in force. 422 {@code 00801} bad field or no family requiring a proof,
     * 404 {@code 00003} unknown habilitation, 409 {@code 00802} refused or revoked habilitation.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SecurityProofView> record(@PathParam("id") String id, SecurityProofRequest body) {
        return proofs.record(uuid(id), body, session.getSubject());
    }

    /** The habilitation's current proof, its history and its suspension; 404 {@code 00003} when unknown. */
    @GET
    public Uni<SecurityProofView> get(@PathParam("id") String id) {
        return proofs.view(uuid(id));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.notFound("Habilitation inconnue : " + id);
        }
    }
}
