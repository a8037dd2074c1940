package dev.automations.it;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service instance of its own on the run's PostgreSQL, started as {@code ./run} starts one, for the cluster tests. */
final class Instance {

    final int port;
    final Path log;
    private final Process process;

    private Instance(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** @param properties extra {@code -Dkey=value} settings of this instance */
    static Instance start(int port, String... properties) {
        try {
            // The integration tests' data dir: its generated secret key is the one earlier classes sealed secrets under.
            Path data = Path.of(System.getProperty("it.dataDir"));
            Files.createDirectories(data);
            Path log = Path.of(System.getProperty("it.dataDir") + "-cluster-" + port + ".log");
            String war = System.getProperty("it.war");
            Path target = Path.of(war).getParent();
            List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-Dautomations.data-dir=" + data));
            command.addAll(List.of(properties));
            command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--deploy", war, "--port", String.valueOf(port), "--nocluster",
                    "--postbootcommandfile", target.getParent().resolve("server-config/post-boot-postgres.asadmin").toString(),
                    "--addLibs", System.getProperty("it.lib")));
            return new Instance(port, log, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitReady() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (RestAssured.given().baseUri(url().toString()).get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("instance on " + port + " did not become ready; see " + log);
    }

    URL url() {
        try {
            return new URL("http://localhost:" + port);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    String metrics() {
        return RestAssured.given().baseUri(url().toString()).get("/metrics").asString();
    }

    double metric(String name, String label) {
        return sum(metrics(), name, label);
    }

    /** The sum of the Prometheus samples of {@code name} carrying {@code label} (e.g. {@code outcome="answered"}), whatever other labels they have. */
    static double sum(String metrics, String name, String label) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: the instance dies mid-work, with no chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
