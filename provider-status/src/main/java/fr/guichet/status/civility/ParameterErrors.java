package fr.guichet.status.civility;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ErrorCatalogue;
import java.util.Map;

/** The 422 errors of API Particulier's parameters, from errors.yml, naming their parameter in {@code source}. */
public final class ParameterErrors {

    private ParameterErrors() {
    }

    /** Error {@code code} of errors.yml ({@code 00380}, {@code 00420}...) with {@code source.parameter}. */
    public static ApiError invalid(String code, String parameter) {
        ApiError error = ErrorCatalogue.standard().error(code);
        return new ApiError(error.code(), error.title(), error.detail(), Map.of("parameter", parameter), error.meta());
    }
}
