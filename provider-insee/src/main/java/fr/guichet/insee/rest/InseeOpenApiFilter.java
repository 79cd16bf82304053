package fr.guichet.insee.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents, at {@code /q/openapi}, the statuses every INSEE route answers and the API Entreprise
 * error body; the bodies of the 200s are those of API Entreprise's own OpenAPI.
 */
public class InseeOpenApiFilter implements OASFilter {

    private static final String ERROR_SCHEMA = "#/components/schemas/ApiEntrepriseError";

    private static final Map<String, String> STATUSES = new LinkedHashMap<>();

    static {
        STATUSES.put("200", "Données, au format d'API Entreprise (en-tête X-Guichet-Cache: hit|miss en mode production)");
        STATUSES.put("404", "Entité non trouvée (01003), ou non diffusible sur les routes /diffusibles/");
        STATUSES.put("422", "Identifiant mal formé (00301 SIREN, 00302 SIRET)");
        STATUSES.put("451", "Entité que l'INSEE ne diffuse à aucun organisme (01005)");
        STATUSES.put("502", "Réponse d'erreur ou illisible de l'INSEE (01000, 01006, 01008, 01999)");
        STATUSES.put("504", "INSEE hors délai (01002), indisponible (01001) ou introuvable (01004)");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema error = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                                .addProperty("source", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)))
                                .addProperty("meta", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)))));
        openAPI.getComponents().addSchema("ApiEntrepriseError", error);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getOperationId() == null || operation.getTags() == null || !operation.getTags().contains("INSEE Sirene")) {
            return operation;
        }
        APIResponses responses = OASFactory.createAPIResponses();
        STATUSES.forEach((status, description) -> {
            Schema schema = status.equals("200")
                    ? OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    : OASFactory.createSchema().ref(ERROR_SCHEMA);
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(schema))));
        });
        operation.setResponses(responses);
        return operation;
    }
}
