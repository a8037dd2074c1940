package dev.automations.platform.boundary;

import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.RecordBinder;
import dev.automations.platform.control.StorableText;
import dev.automations.platform.control.UntrustedJson;
import dev.automations.platform.control.Validated;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads admin API bodies: at most 1 MiB (§1), a JSON object, bound to a request record and validated.
 * Validation happens here rather than through {@code @Valid} parameters, which break Payara 6.2025.10's
 * OpenAPI generator (payara/Payara#7649) — and so every request record is validated the same way.
 */
final class JsonBodyReader {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    private JsonBodyReader() {
    }

    static <T extends Record> T record(Class<T> type, MultivaluedMap<String, String> headers, InputStream entity) {
        return Validated.check(RecordBinder.bind(type, object(headers, entity)));
    }

    static JsonObject object(MultivaluedMap<String, String> headers, InputStream entity) {
        String length = headers.getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        PushbackInputStream limited = new PushbackInputStream(new LimitedInputStream(entity, MAX_BODY_BYTES));
        if (isEmpty(limited)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue value;
        try {
            // RFC 8259 §8.1: JSON exchanged between systems is UTF-8; a malformed byte is refused, not replaced.
            value = UntrustedJson.parse(new InputStreamReader(limited, StandardCharsets.UTF_8.newDecoder()));
        } catch (UntrustedJson.Invalid e) {
            throw new ApiException(400, "Request body is not valid JSON.", e.getMessage(), List.of());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BodyTooLarge) {
                throw tooLarge();
            }
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ApiException(400, "Request body is not valid JSON.", "not valid UTF-8", List.of());
            }
            throw new ApiException(400, "Request body is unreadable.", null, List.of());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ApiException(400, "Request body must be a JSON object.", null, List.of());
        }
        StorableText.problem(value).ifPresent(problem -> {
            throw new ApiException(400, "Request body holds text that cannot be stored.", problem, List.of());
        });
        return value.asJsonObject();
    }

    /** An empty body reads as {@code {}}: the record's required fields are then reported by validation. */
    private static boolean isEmpty(PushbackInputStream in) {
        try {
            int first = in.read();
            if (first < 0) {
                return true;
            }
            in.unread(first);
            return false;
        } catch (IOException e) {
            throw new ApiException(400, "Request body is unreadable.", null, List.of());
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "Request body too large.", "At most " + MAX_BODY_BYTES + " bytes.", List.of());
    }
}
