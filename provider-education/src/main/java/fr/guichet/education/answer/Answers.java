package fr.guichet.education.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.providerkit.operation.ProviderAnswer;

/** The 200 answers of this provider's handlers, in API Particulier's shape {@code {"data":...,"links":{},"meta":{}}}. */
public final class Answers {

    private Answers() {
    }

    /** 200 with {@code data}; never cached (no {@code Cache-Control} of ours: the gateway sets {@code no-store}). */
    public static ProviderAnswer ok(JsonNode data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("data", data);
        body.putObject("links");
        body.putObject("meta");
        return ProviderAnswer.json(200, body.toString());
    }

    /**
     * A date of an upstream ({@code 2020-09-01}, {@code 1980-11-14T00:00:00+01:00}) as {@code YYYY-MM-DD};
     * null or blank stays as it is, as the reference's {@code format_date} leaves it.
     */
    public static JsonNode date(JsonNode value) {
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            return value == null ? JsonNodeFactory.instance.nullNode() : value;
        }
        String text = value.asText();
        return JsonNodeFactory.instance.textNode(text.length() > 10 ? text.substring(0, 10) : text);
    }
}
