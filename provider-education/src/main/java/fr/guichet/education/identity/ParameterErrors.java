package fr.guichet.education.identity;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import java.util.Map;

/** API Particulier's 422 errors of a parameter (errors.yml's {@code 003xx}/{@code 004xx}), {@code source.parameter} naming it. */
public final class ParameterErrors {

    private ParameterErrors() {
    }

    /** The error {@code code} of errors.yml about {@code parameter} (its wire name, {@code prenoms[]}). */
    public static ApiError error(String code, String parameter) {
        ApiError base = ErrorCatalogue.standard().error(code);
        return new ApiError(base.code(), base.title(), base.detail(), Map.of("parameter", parameter), base.meta());
    }

    /** 422 with that one error. */
    public static ApiException invalid(String code, String parameter) {
        return new ApiException(422, error(code, parameter));
    }
}
