package dev.automations.platform.control;

/** One bad field of a request, as listed in an error's {@code validations}. */
public record FieldError(String field, String detail) {
}
