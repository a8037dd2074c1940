package dev.automations.webhook.control;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonIsStoredVerbatim() {
        Payload p = Payload.of(utf8("{ \"a\" : 1 }"), "application/json");
        assertEquals("{ \"a\" : 1 }", p.stored());
        assertEquals(1, p.json().asJsonObject().getInt("a"));
    }

    @Test
    void githubFormBodiesCarryJsonInPayload() {
        Payload p = Payload.of(utf8("payload=%7B%22action%22%3A%22opened%22%7D&other=1"), "application/x-www-form-urlencoded; charset=utf-8");
        assertEquals("{\"action\":\"opened\"}", p.stored());
    }

    @Test
    void anythingElseIsARawEnvelopeCutTo64KiB() {
        Payload p = Payload.of(utf8("x".repeat(70_000)), "text/plain");
        assertTrue(p.isRaw());
        assertNull(p.json());
        assertTrue(p.stored().startsWith("{\"_raw_body\":\"xxx"));
        assertEquals(Payload.MAX_STORED_BYTES + "{\"_raw_body\":\"\",\"_content_note\":\"Original payload was not valid JSON.\"}".length(), p.stored().length());
        assertTrue(Payload.of(utf8("payload=not-json"), "application/x-www-form-urlencoded").isRaw());
    }

    @Test
    void jsonBeyondTheParsingLimitsIsKeptAsRawText() {
        String deep = "[".repeat(100_000);
        Payload p = Payload.of(utf8(deep), "application/json");
        assertTrue(p.isRaw());
        assertTrue(p.stored().startsWith("{\"_raw_body\":\"[[[["));
        String form = "payload=" + URLEncoder.encode("{\"a\":".repeat(1001) + "1" + "}".repeat(1001), StandardCharsets.UTF_8);
        assertTrue(Payload.of(utf8(form), "application/x-www-form-urlencoded").isRaw());
        assertTrue(Payload.of(utf8("[" + "9".repeat(100_000) + "]"), "application/json").isRaw());
        assertTrue(Payload.of(utf8("{\"a\":1e2147483648}"), null).isRaw());
        assertTrue(Payload.of(utf8("{} trailing"), null).isRaw());
    }

    @Test
    void aFormWithABrokenEscapeIsRawText() {
        Payload p = Payload.of(utf8("payload=%zz"), "application/x-www-form-urlencoded");
        assertTrue(p.isRaw());
        assertTrue(p.stored().startsWith("{\"_raw_body\":\"payload=%zz\""));
    }

    @Test
    void jsonOver64KiBIsAStubButStillParsedWhole() {
        String big = "{\"pad\":\"" + "p".repeat(70_000) + "\"}";
        Payload p = Payload.of(utf8(big), "application/json");
        assertEquals("{\"_truncated\":true,\"_original_size\":" + big.length() + "}", p.stored());
        assertEquals(70_000, p.json().asJsonObject().getString("pad").length());
    }

    @Test
    void bodiesPastTheCapAreCountedNotKept() throws IOException {
        ReceivedBody small = ReceivedBody.read(new ByteArrayInputStream(new byte[100]), 100);
        assertEquals(100, small.bytes().length);
        ReceivedBody big = ReceivedBody.read(new Endless(5_000_000), 1000);
        assertTrue(big.exceeds(1000));
        assertEquals(5_000_000, big.size());
        assertEquals(0, big.bytes().length);
    }

    /** A stream of n zero bytes that never exists in memory at once. */
    private static final class Endless extends InputStream {
        private long left;

        Endless(long n) {
            left = n;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            left -= n;
            return n;
        }
    }
}
