package dev.automations.platform.control;

import java.util.List;

/**
 * A failure the client caused or must be told about, carrying everything the §1 error body needs.
 * Unchecked so that a JTA transaction around the throwing method rolls back.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String detail;
    private final List<FieldError> validations;

    public ApiException(int status, String message, String detail, List<FieldError> validations) {
        super(message);
        this.status = status;
        this.detail = detail;
        this.validations = List.copyOf(validations);
    }

    public static ApiException badRequest(String message, List<FieldError> validations) {
        return new ApiException(400, message, null, validations);
    }

    public static ApiException invalidField(String field, String detail) {
        return badRequest("Validation failed.", List.of(new FieldError(field, detail)));
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message, null, List.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message, null, List.of());
    }

    public static ApiException notFound() {
        return new ApiException(404, "Resource not found or you do not have access to this resource.", null, List.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message, null, List.of());
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> validations() {
        return validations;
    }
}
