package fr.guichet.common.error;

import java.util.List;

/**
 * A failure that reaches the caller as an API Entreprise error body with the given HTTP status.
 * Services map it to a response with one exception mapper each.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final List<ApiError> errors;

    public ApiException(int status, List<ApiError> errors) {
        super(status + " " + errors.stream().map(ApiError::code).toList(), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ApiException(int status, ApiError error) {
        this(status, List.of(error));
    }

    public int status() {
        return status;
    }

    public List<ApiError> errors() {
        return errors;
    }

    public ErrorResponse body() {
        return new ErrorResponse(errors);
    }
}
