package fr.guichet.providerkit.openapi;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * A provider's {@code /q/openapi}, written from its operation declarations: one GET per declared
 * path with its {@code operationId}, summary and tag, its path parameters, and the statuses of
 * the declaration file's {@code openapi.responses} (errors as the API Entreprise error body).
 * Set it with {@code mp.openapi.filter=fr.guichet.providerkit.openapi.DeclaredOperationsFilter}.
 */
public class DeclaredOperationsFilter implements OASFilter {

    static final String ERROR_SCHEMA_NAME = "ApiEntrepriseError";
    private static final String ERROR_SCHEMA = "#/components/schemas/" + ERROR_SCHEMA_NAME;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String application = ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class).orElse("");
        String key = application.startsWith("provider-") ? application.substring("provider-".length()) : application;
        OperationDeclarations declarations = OperationDeclarations.standard().forProvider(key);
        document(openAPI, declarations, declarations.documentation(key));
    }

    static void document(OpenAPI openAPI, OperationDeclarations declarations, OperationDeclarations.Documentation doc) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(ERROR_SCHEMA_NAME, errorSchema());
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        for (OperationDeclaration d : declarations.all()) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                Operation get = OASFactory.createOperation()
                        .operationId(p.documentedId())
                        .summary(d.summary())
                        .tags(List.of(doc.tag()))
                        .responses(responses(doc.responses()));
                for (String variable : p.template().variables()) {
                    get.addParameter(OASFactory.createParameter().name(variable).in(Parameter.In.PATH).required(true)
                            .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
                }
                openAPI.getPaths().addPathItem(p.template().template(), OASFactory.createPathItem().GET(get));
            }
        }
    }

    private static APIResponses responses(Map<String, String> statuses) {
        APIResponses responses = OASFactory.createAPIResponses();
        statuses.forEach((status, description) -> {
            Schema schema = status.startsWith("2")
                    ? OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    : OASFactory.createSchema().ref(ERROR_SCHEMA);
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(schema))));
        });
        return responses;
    }

    private static Schema errorSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("code", string())
                                .addProperty("title", string())
                                .addProperty("detail", string())
                                .addProperty("source", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)))
                                .addProperty("meta", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)))));
    }

    private static Schema string() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    }
}
