package dev.automations.platform.boundary;

import dev.automations.platform.control.ApiException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every way an admin body can be wrong is a 4xx with a reason, never an exception the fallback mapper turns into 500. */
class JsonBodyReaderTest {

    private static ApiException refused(byte[] body) {
        return assertThrows(ApiException.class, () -> JsonBodyReader.object(new MultivaluedHashMap<>(), new ByteArrayInputStream(body)));
    }

    private static ApiException refused(String body) {
        return refused(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deepNestingHugeNumbersAndTrailingTextAre400() {
        ApiException deep = refused("{\"a\":" + "[".repeat(100_000));
        assertEquals(400, deep.status());
        assertEquals("nested deeper than 512 levels", deep.detail());
        assertEquals(400, refused("{\"name\":1e2147483648}").status());
        assertEquals(400, refused("{\"name\":" + "1".repeat(5000) + "}").status());
        assertEquals(400, refused("{} {}").status());
    }

    @Test
    void invalidUtf8Is400() {
        ApiException e = refused(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        assertEquals(400, e.status());
        assertEquals("not valid UTF-8", e.detail());
    }

    @Test
    void textTheDatabaseCannotHoldIs400() {
        assertEquals("text must not contain U+0000", refused("{\"name\":\"a\\u0000b\"}").detail());
        assertEquals(400, refused("{\"labels\":{\"k\\u0000\":\"v\"}}").status());
        assertEquals(400, refused("{\"list\":[\"\\ud800\"]}").status());
        assertEquals(1, JsonBodyReader.object(new MultivaluedHashMap<>(),
                new ByteArrayInputStream("{\"emoji\":\"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8))).size());
    }

    @Test
    void aBodyPastOneMebibyteIs413EvenWithoutContentLength() {
        assertEquals(413, refused("{\"a\":\"" + "x".repeat(1024 * 1024) + "\"}").status());
    }

    @Test
    void onlyObjectsAreBodies() {
        assertEquals("Request body must be a JSON object.", refused("[1]").getMessage());
        assertEquals(0, JsonBodyReader.object(new MultivaluedHashMap<>(), new ByteArrayInputStream(new byte[0])).size());
    }
}
