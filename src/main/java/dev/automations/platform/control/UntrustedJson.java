package dev.automations.platform.control;

import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Parses JSON that arrives from outside (request bodies, webhook payloads) within limits that hold whatever
 * JSON-P provider runs. The parser, and everything that later walks the value (filters, JSON-B), recurses once
 * per nesting level, so depth is capped well below a thread's stack. BigDecimal parses and prints a number in
 * time quadratic in its digits (a 1 MB number took 35 s here), so number length is capped as Jackson caps it.
 * Any refusal of the parser, including the provider's own limits (Parsson throws a bare RuntimeException past
 * 1 000 levels), becomes {@link Invalid}: bad input, never a 500.
 */
public final class UntrustedJson {

    public static final int MAX_DEPTH = 512;
    public static final int MAX_NUMBER_CHARS = 1000;

    private UntrustedJson() {
    }

    /**
     * @throws Invalid              when the text is not JSON, or exceeds the limits
     * @throws UncheckedIOException when the text itself cannot be read (its cause is the reader's exception)
     */
    public static JsonValue parse(Reader text) {
        try (JsonParser parser = JsonText.JSON.createParser(new Limited(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new Invalid("text follows the JSON value");
            }
            return value;
        } catch (Invalid e) {
            throw e;
        } catch (JsonParsingException e) {
            throw new Invalid(e.getMessage());
        } catch (JsonException e) {
            if (e.getCause() instanceof TooComplex limit) {
                throw new Invalid(limit.getMessage());
            }
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new Invalid("not valid JSON");
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Invalid("a number is out of range");
        } catch (RuntimeException e) {
            throw new Invalid("not valid JSON");
        }
    }

    /** Why a text was refused, worded for the client. */
    public static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final class TooComplex extends IOException {
        TooComplex(String reason) {
            super(reason);
        }
    }

    /** Tracks nesting and number length on the characters as the parser pulls them, so nothing is read twice. */
    private static final class Limited extends FilterReader {

        private int depth;
        private int numberChars;
        private boolean inString;
        private boolean escaped;

        Limited(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                see(buffer[i]);
            }
            return n;
        }

        private void see(char c) throws TooComplex {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                return;
            }
            if (isNumberChar(c)) {
                if (++numberChars > MAX_NUMBER_CHARS) {
                    throw new TooComplex("a number is longer than " + MAX_NUMBER_CHARS + " characters");
                }
                return;
            }
            numberChars = 0;
            if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    throw new TooComplex("nested deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }

        private static boolean isNumberChar(char c) {
            return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
        }
    }
}
