package dev.automations.platform.control;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.util.Set;

/** Bean Validation of request records, one place for both whole bodies and PATCH bodies. */
public final class Validated {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private Validated() {
    }

    public static <T> T check(T request) {
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
