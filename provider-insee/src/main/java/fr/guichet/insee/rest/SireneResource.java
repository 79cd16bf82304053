package fr.guichet.insee.rest;

import fr.guichet.insee.operation.InseeOperation;
import fr.guichet.insee.service.CacheDirective;
import fr.guichet.insee.service.InseeAnswer;
import fr.guichet.insee.service.InseeService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The INSEE routes of API Entreprise, served to the gateway with their public paths; the gateway
 * has already checked the token, the scopes and the mandatory parameters.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "INSEE Sirene")
@Blocking
public class SireneResource {

    /** Response header telling whether the answer came from the cache ({@code hit}/{@code miss}). */
    public static final String CACHE_HEADER = "X-Guichet-Cache";

    private final InseeService service;

    public SireneResource(InseeService service) {
        this.service = service;
    }

    @GET
    @Path("/v3/insee/sirene/unites_legales/{siren}")
    @Operation(operationId = "uniteLegaleV3", summary = "Données unité légale")
    public Response uniteLegaleV3(@PathParam("siren") String siren, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.UNITES_LEGALES_V3, siren, cacheControl);
    }

    @GET
    @Path("/v4/insee/sirene/unites_legales/{siren}")
    @Operation(operationId = "uniteLegaleV4", summary = "Données unité légale")
    public Response uniteLegaleV4(@PathParam("siren") String siren, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.UNITES_LEGALES_V4, siren, cacheControl);
    }

    @GET
    @Path("/v3/insee/sirene/unites_legales/diffusibles/{siren}")
    @Operation(operationId = "uniteLegaleDiffusibleV3", summary = "Données unité légale diffusible")
    public Response uniteLegaleDiffusibleV3(@PathParam("siren") String siren, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V3, siren, cacheControl);
    }

    @GET
    @Path("/v4/insee/sirene/unites_legales/diffusibles/{siren}")
    @Operation(operationId = "uniteLegaleDiffusibleV4", summary = "Données unité légale diffusible")
    public Response uniteLegaleDiffusibleV4(@PathParam("siren") String siren, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V4, siren, cacheControl);
    }

    @GET
    @Path("/v3/insee/sirene/unites_legales/{siren}/siege_social")
    @Operation(operationId = "siegeV3", summary = "Données du siège social")
    public Response siegeV3(@PathParam("siren") String siren, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.SIEGES_V3, siren, cacheControl);
    }

    @GET
    @Path("/v4/insee/sirene/unites_legales/{siren}/siege_social")
    @Operation(operationId = "siegeV4", summary = "Données du siège social")
    public Response siegeV4(@PathParam("siren") String siren, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.SIEGES_V4, siren, cacheControl);
    }

    @GET
    @Path("/v3/insee/sirene/unites_legales/diffusibles/{siren}/siege_social")
    @Operation(operationId = "siegeDiffusibleV3", summary = "Données du siège social diffusible")
    public Response siegeDiffusibleV3(@PathParam("siren") String siren, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.SIEGES_DIFFUSIBLES_V3, siren, cacheControl);
    }

    @GET
    @Path("/v4/insee/sirene/unites_legales/diffusibles/{siren}/siege_social")
    @Operation(operationId = "siegeDiffusibleV4", summary = "Données du siège social diffusible")
    public Response siegeDiffusibleV4(@PathParam("siren") String siren, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.SIEGES_DIFFUSIBLES_V4, siren, cacheControl);
    }

    @GET
    @Path("/v3/insee/sirene/etablissements/{siret}")
    @Operation(operationId = "etablissementV3", summary = "Données établissement")
    public Response etablissementV3(@PathParam("siret") String siret, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.ETABLISSEMENTS_V3, siret, cacheControl);
    }

    @GET
    @Path("/v4/insee/sirene/etablissements/{siret}")
    @Operation(operationId = "etablissementV4", summary = "Données établissement")
    public Response etablissementV4(@PathParam("siret") String siret, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.ETABLISSEMENTS_V4, siret, cacheControl);
    }

    @GET
    @Path("/v3/insee/sirene/etablissements/diffusibles/{siret}")
    @Operation(operationId = "etablissementDiffusibleV3", summary = "Données établissement diffusible")
    public Response etablissementDiffusibleV3(@PathParam("siret") String siret, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.ETABLISSEMENTS_DIFFUSIBLES_V3, siret, cacheControl);
    }

    @GET
    @Path("/v4/insee/sirene/etablissements/diffusibles/{siret}")
    @Operation(operationId = "etablissementDiffusibleV4", summary = "Données établissement diffusible")
    public Response etablissementDiffusibleV4(@PathParam("siret") String siret, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.ETABLISSEMENTS_DIFFUSIBLES_V4, siret, cacheControl);
    }

    @GET
    @Path("/v3/insee/sirene/etablissements/{siret}/adresse")
    @Operation(operationId = "adresseV3", summary = "Adresse d'un établissement")
    public Response adresseV3(@PathParam("siret") String siret, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.ADRESSES_V3, siret, cacheControl);
    }

    @GET
    @Path("/v3/insee/sirene/etablissements/diffusibles/{siret}/adresse")
    @Operation(operationId = "adresseDiffusibleV3", summary = "Adresse diffusible d'un établissement")
    public Response adresseDiffusibleV3(@PathParam("siret") String siret, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.ADRESSES_DIFFUSIBLES_V3, siret, cacheControl);
    }

    @GET
    @Path("/v3/insee/sirene/etablissements/{siret}/successions")
    @Operation(operationId = "successionsV3", summary = "Prédécesseurs et successeurs d'un établissement")
    public Response successionsV3(@PathParam("siret") String siret, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(InseeOperation.SUCCESSIONS_V3, siret, cacheControl);
    }

    private Response answer(InseeOperation operation, String identifier, String cacheControl) {
        InseeAnswer answer = service.fetch(operation, identifier, CacheDirective.of(cacheControl));
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .entity(answer.body());
        if (answer.cache() != null) {
            response.header(CACHE_HEADER, answer.cache().header());
        }
        return response.build();
    }
}
