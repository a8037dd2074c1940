package dev.automations.platform.boundary;

import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.RecordBinder;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * Reads admin API bodies: at most 1 MiB (§1), a JSON object, bound to a request record and validated.
 * Validation happens here rather than through {@code @Valid} parameters, which break Payara 6.2025.10's
 * OpenAPI generator (payara/Payara#7649) — and so every request record is validated the same way.
 */
final class JsonBodyReader {

    static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private JsonBodyReader() {
    }

    static <T extends Record> T record(Class<T> type, MultivaluedMap<String, String> headers, InputStream entity) {
        T bound = RecordBinder.bind(type, object(headers, entity));
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(bound);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return bound;
    }

    static JsonObject object(MultivaluedMap<String, String> headers, InputStream entity) {
        String length = headers.getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        LimitedInputStream limited = new LimitedInputStream(entity, MAX_BODY_BYTES);
        try (JsonReader reader = Json.createReader(limited)) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ApiException(400, "Request body must be a JSON object.", null, List.of());
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            if (limited.exceeded()) {
                throw tooLarge();
            }
            String detail = e instanceof JsonParsingException ? e.getMessage() : "The body is empty or unreadable.";
            throw new ApiException(400, "Request body is not valid JSON.", detail, List.of());
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "Request body too large.", "At most " + MAX_BODY_BYTES + " bytes.", List.of());
    }
}
