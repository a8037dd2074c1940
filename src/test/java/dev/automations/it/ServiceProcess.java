package dev.automations.it;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service instance started as {@code ./run} starts one (Payara Micro, the build's WAR, the database's post-boot
 * file), for tests that need several instances or settings of their own. Its output goes to a log file next to
 * the integration tests' data dir.
 */
final class ServiceProcess implements AutoCloseable {

    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * @param properties  system properties, e.g. MicroProfile Config keys
     * @param environment added to the inherited environment (which carries the PostgreSQL settings)
     */
    static ServiceProcess start(int port, Path dataDir, Map<String, String> properties, Map<String, String> environment) {
        try {
            Files.createDirectories(dataDir);
            Path log = Path.of(System.getProperty("it.dataDir") + "-instance-" + port + ".log");
            List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-Dautomations.data-dir=" + dataDir));
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--deploy", System.getProperty("it.war"),
                    "--port", String.valueOf(port), "--nocluster", "--postbootcommandfile", Path.of(System.getProperty("it.serverConfig"), "post-boot-" + System.getProperty("it.db") + ".asadmin").toString(),
                    "--addLibs", System.getProperty("it.lib")));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new ServiceProcess(port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitReady() {
        Await.until("the instance on port " + port + " to become ready (log: " + log + ")", Duration.ofSeconds(300), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the instance on port " + port + " exited; see " + log);
            }
            try {
                return RestAssured.given().baseUri(base()).get("/health/ready").statusCode();
            } catch (Exception notListeningYet) {
                // The port stays closed until the application is deployed (server-config/pre-boot.asadmin).
                return 0;
            }
        }, status -> status == 200);
    }

    String base() {
        return "http://localhost:" + port;
    }

    URL url() {
        try {
            return new URL(base());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
