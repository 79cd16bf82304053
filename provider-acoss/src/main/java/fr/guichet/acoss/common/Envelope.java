package fr.guichet.acoss.common;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/** The API Entreprise success body: {@code {"data": ..., "links": {}, "meta": {}}}. */
@RegisterForReflection
public record Envelope<T>(T data, Map<String, Object> links, Map<String, Object> meta) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data, Map.of(), Map.of());
    }
}
