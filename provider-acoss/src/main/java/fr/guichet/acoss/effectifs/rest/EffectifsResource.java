package fr.guichet.acoss.effectifs.rest;

import fr.guichet.acoss.common.Identifiers;
import fr.guichet.acoss.effectifs.model.NatureEffectif;
import fr.guichet.acoss.effectifs.service.EffectifsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** GIP-MDS effectifs on the public API Entreprise paths (reached through the gateway only). */
@Path("/v3/gip_mds")
@Produces(MediaType.APPLICATION_JSON)
public class EffectifsResource {

    private final EffectifsService service;
    private final Identifiers identifiers;

    public EffectifsResource(EffectifsService service, Identifiers identifiers) {
        this.service = service;
        this.identifiers = identifiers;
    }

    @GET
    @Path("/unites_legales/{siren}/effectifs_annuels/{year}")
    @Operation(operationId = "api_entreprise_v3_gip_mds_effectifs_annuels_entreprise", summary = "Effectifs annuels d'une unité légale")
    public Response annual(@PathParam("siren") String siren, @PathParam("year") String year,
                           @QueryParam("nature_effectif") String nature) {
        identifiers.siren(siren);
        identifiers.year(year);
        return service.annual(siren, year, nature(nature)).toResponse();
    }

    @GET
    @Path("/etablissements/{siret}/effectifs_mensuels/{month}/annee/{year}")
    @Operation(operationId = "api_entreprise_v3_gip_mds_effectifs_mensuels_etablissement", summary = "Effectifs mensuels d'un établissement")
    public Response monthly(@PathParam("siret") String siret, @PathParam("month") String month,
                            @PathParam("year") String year, @QueryParam("nature_effectif") String nature,
                            @QueryParam("profondeur") String profondeur) {
        identifiers.siret(siret);
        identifiers.month(month);
        identifiers.year(year);
        Integer depth = identifiers.depth(profondeur);
        return service.monthly(siret, year, month, nature(nature), depth).toResponse();
    }

    /** Like API Entreprise, an absent or unknown nature means the mean workforce ({@code moyen}). */
    private static NatureEffectif nature(String value) {
        return NatureEffectif.parse(value).orElse(NatureEffectif.DEFAULT);
    }
}
