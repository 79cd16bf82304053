package fr.guichet.token.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses, while the JSON body is read, every text value holding the NUL character (U+0000):
 * PostgreSQL cannot store it in a text column (SQLSTATE 22021), so such a value would otherwise
 * reach the database and fail the whole action as a 500 after its checks had passed. The refusal
 * is an {@link com.fasterxml.jackson.databind.exc.InvalidFormatException}, answered as a 422
 * {@code 00801} naming the field (see {@code ErrorMappers}).
 */
@Singleton
public class NulCharacterGuard implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("guichet-text-without-nul");
        module.addDeserializer(String.class, new TextWithoutNul());
        mapper.registerModule(module);
    }

    /** The standard text reader, plus the NUL refusal (also used for the items of string lists). */
    static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw context.weirdStringException(value, String.class, "NUL character");
            }
            return value;
        }
    }

    /** Whether a refused value is one this guard refused. */
    public static boolean holdsNul(Object value) {
        return value instanceof String s && s.indexOf('\0') >= 0;
    }
}
