package dev.automations.security.control;

import dev.automations.platform.boundary.ConstraintViolationMapper;
import dev.automations.platform.control.FieldError;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request rules of §3 under the same Bean Validation provider Payara ships (Hibernate Validator). */
class RequestsValidationTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static List<String> badFields(Object request) {
        List<FieldError> errors = ConstraintViolationMapper.validations(new ConstraintViolationException(VALIDATOR.validate(request)));
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aGoodUserPasses() {
        assertTrue(badFields(new Requests.NewUser("a@example.com", "alice", "password-1", "Alice", null)).isEmpty());
    }

    @Test
    void eachBadUserFieldIsNamedOnceInSnakeCase() {
        assertEquals(List.of("email", "password", "username"), badFields(new Requests.NewUser("nope", "-alice-", "short", null, null)));
        assertEquals(List.of("email", "password", "username"), badFields(new Requests.NewUser(null, null, null, null, null)));
        assertEquals(List.of("name"), badFields(new Requests.NewUser("a@example.com", "alice", "password-1", "x".repeat(129), null)));
    }

    @Test
    void tokenNamesAndLifetimes() {
        assertTrue(badFields(new Requests.NewToken("ci-token", 60L)).isEmpty());
        assertEquals(List.of("lifetime_seconds"), badFields(new Requests.NewToken("ci", 0L)));
        assertEquals(List.of("lifetime_seconds"), badFields(new Requests.NewToken("ci", 31_536_001L)));
        assertEquals(List.of("token_name"), badFields(new Requests.NewToken("has space", null)));
    }
}
