package fr.guichet.token.period;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The periods of a habilitation as a JSON text column; no restriction is stored as null. */
@Converter
public class PeriodsConverter implements AttributeConverter<Map<String, OpenPeriod>, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, OpenPeriod>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, OpenPeriod> periods) {
        return periods == null || periods.isEmpty() ? null : json(periods);
    }

    @Override
    public Map<String, OpenPeriod> convertToEntityAttribute(String column) {
        try {
            return column == null ? null : Collections.unmodifiableMap(MAPPER.readValue(column, TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable periods column", e);
        }
    }

    /**
     * The compact JSON of {@code periods}, as written in the column and in the token state copy's
     * {@code periods} hash field.
     */
    public static String json(Map<String, OpenPeriod> periods) {
        try {
            return MAPPER.writeValueAsString(periods);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserialisable periods", e);
        }
    }
}
