package dev.automations.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** A server started as a child process: its output goes to a log file, and it counts as ready when a URL answers 200. */
final class ServerProcess implements TestServer {

    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final Duration STOP = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URL url;
    private final Path log;
    private final Thread stopOnExit;

    private ServerProcess(Process process, URL url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
        // A test JVM that ends without closing the session must not leave a server holding its port and database.
        this.stopOnExit = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Runs {@code command} with {@code environment} added to this JVM's, and waits until {@code ready} (a path) answers 200 on {@code port}. */
    static ServerProcess start(List<String> command, Map<String, String> environment, int port, String ready, Path log) {
        ServerProcess server;
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            server = new ServerProcess(process, URI.create("http://127.0.0.1:" + port).toURL(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
        try {
            Await.until(server + " is ready", BOOT, () -> server.answers(ready));
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw new IllegalStateException(e.getMessage() + "\n" + keepLogOfFailedStart(log), e);
        }
    }

    /**
     * A later start writes to the same log, so a copy keeps what this one printed (a WildFly boot that hung once and not
     * on the next try left nothing); its last lines go into the failure, which is all CI shows.
     */
    private static String keepLogOfFailedStart(Path log) {
        try {
            String name = log.getFileName().toString().replaceFirst("\\.log$", "");
            Path kept = Files.copy(log, log.resolveSibling(name + "-failed-start-" + System.currentTimeMillis() + ".log"));
            List<String> lines = Files.readAllLines(kept, StandardCharsets.ISO_8859_1);
            return "Kept as " + kept + "; its last lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "Its log could not be kept: " + e;
        }
    }

    /**
     * WildFly listens on the port's offset from 8080 applied to its HTTPS (8443) and management (9990) ports as well.
     * Below the kernel's ephemeral range (32768 and up), where no client connection can be holding one of the three:
     * a port the kernel handed out once came with an HTTPS port an open connection held, and WildFly failed to boot.
     */
    private static final int[] COMPANIONS = {0, 8443 - 8080, 9990 - 8080};
    private static final int LOWEST = 10_000;
    private static final int HIGHEST = 32_768 - 1 - COMPANIONS[2];

    /** A port that nothing listens on at the moment, nor on its WildFly companions, for a server about to be started. */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (Arrays.stream(COMPANIONS).allMatch(offset -> bindable(port + offset))) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST + " after 100 attempts");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean answers(String path) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(this + " exited with code " + process.exitValue());
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    @Override
    public URL url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                killTree();
            }
        } catch (InterruptedException e) {
            killTree();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to remove
        }
    }

    @Override
    public void kill() {
        killTree();
        close();
    }

    /**
     * SIGKILL to the process and everything it started: a launcher script ({@code ./run-wildfly}) runs the server's
     * JVM as its child, which killing the script alone would leave running.
     */
    private void killTree() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "the server on " + url + " (log: " + log + ")";
    }
}
