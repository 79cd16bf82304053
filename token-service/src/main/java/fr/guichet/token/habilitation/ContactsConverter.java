package fr.guichet.token.habilitation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Contacts kept as a JSON text column, so that erasure is a single null. */
@Converter
public class ContactsConverter implements AttributeConverter<Contacts, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(Contacts contacts) {
        try {
            return contacts == null ? null : MAPPER.writeValueAsString(contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserialisable contacts", e);
        }
    }

    @Override
    public Contacts convertToEntityAttribute(String column) {
        try {
            return column == null ? null : MAPPER.readValue(column, Contacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable contacts column", e);
        }
    }
}
