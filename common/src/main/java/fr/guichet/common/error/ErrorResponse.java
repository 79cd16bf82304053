package fr.guichet.common.error;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The API Entreprise error body: {@code {"errors": [...]}}. */
@RegisterForReflection
public record ErrorResponse(List<ApiError> errors) {

    public static ErrorResponse of(ApiError... errors) {
        return new ErrorResponse(List.of(errors));
    }
}
