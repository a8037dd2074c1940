package dev.automations.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The run's server log (see {@link ItSession}), for tests that check what the service writes there. */
final class ServerLog {

    private ServerLog() {
    }

    static Path file() {
        Path file = ItSession.logs().resolve("server-" + System.getProperty("it.db") + ".log");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No server log at " + file + ": run the ITs through Maven's failsafe executions");
        }
        return file;
    }

    /** Non-blank lines: a stack trace counts line by line, as it fills the operator's disk and screen. */
    static long lines() {
        try (Stream<String> lines = Files.lines(file(), StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text() {
        try {
            return Files.readString(file(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
