package dev.automations.platform.boundary;

import dev.automations.platform.control.FieldError;

import java.util.List;

/** The §1 error body. Empty validations are left out rather than sent as []. */
public record ErrorBody(String message, String detail, List<FieldError> validations) {

    public ErrorBody {
        validations = validations == null || validations.isEmpty() ? null : List.copyOf(validations);
    }

    public static ErrorBody of(String message) {
        return new ErrorBody(message, null, null);
    }
}
