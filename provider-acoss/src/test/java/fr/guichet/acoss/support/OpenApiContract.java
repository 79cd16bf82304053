package fr.guichet.acoss.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Checks response bodies against the official API Entreprise OpenAPI ({@code
 * guichet/reference/openapi-entreprise.yaml}, shipped by common), with a real OpenAPI validator.
 */
public final class OpenApiContract {

    private static final String SPEC = "guichet/reference/openapi-entreprise.yaml";
    private static volatile OpenApiInteractionValidator validator;

    private OpenApiContract() {
    }

    /** Fails the test when the response does not conform to the operation's documented response. */
    public static Response conforms(String path, Response response) {
        SimpleResponse.Builder simple = SimpleResponse.Builder.status(response.statusCode())
                .withContentType(response.contentType())
                .withBody(response.asString());
        ValidationReport report = validator().validateResponse(path, Request.Method.GET, simple.build());
        if (report.hasErrors()) {
            fail("Response " + response.statusCode() + " of " + path + " breaks the OpenAPI contract: "
                    + report.getMessages() + "\nbody: " + response.asString());
        }
        return response;
    }

    private static OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator v = validator;
        if (v == null) {
            synchronized (OpenApiContract.class) {
                v = validator;
                if (v == null) {
                    v = OpenApiInteractionValidator.createForInlineApiSpecification(spec())
                            // The Error schema lists code/title/detail only, yet API Entreprise's own
                            // examples carry source and meta: the validator's default of treating
                            // unlisted properties as forbidden would reject the reference itself.
                            .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
                            .build();
                    validator = v;
                }
            }
        }
        return v;
    }

    private static String spec() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SPEC + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
