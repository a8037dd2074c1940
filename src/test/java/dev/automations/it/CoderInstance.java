package dev.automations.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A service instance of its own with {@code automations.chat.bridge=coder} (§17), since the other integration tests
 * run the embedded bridge, on the run's server ({@link TestServer}). On PostgreSQL it shares the tests' database and
 * data dir (so secrets sealed by either stay readable to both); on H2 it has a fresh database of its own, as an H2
 * file opens in one process only. The session token is passed in the environment, as an operator would, never on
 * the command line.
 */
final class CoderInstance implements AutoCloseable {

    private final TestServer server;
    private final Path log;

    private CoderInstance(TestServer server, Path log) {
        this.server = server;
        this.log = log;
    }

    static CoderInstance start(String coderUrl, String token, String organization, Map<String, String> settings) {
        Path data = ItSession.dataDir();
        if (!"postgres".equals(System.getProperty("it.db"))) {
            data = Path.of(data + "-coder");
            TestDatabase.deleteTree(data);
        }
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("automations.data-dir", data.toString());
        properties.put("automations.chat.bridge", "coder");
        properties.put("automations.coder.url", coderUrl);
        properties.put("automations.coder.organization-id", organization);
        int port = ServerProcess.freePort();
        Path log = ItSession.logs().resolve("coder-" + port + ".log");
        TestServer server = TestServer.start(new TestServer.Boot(System.getProperty("it.db"), port, log, properties,
                Map.of("AUTOMATIONS_CODER_SESSION_TOKEN", token)));
        return new CoderInstance(server, log);
    }

    URL url() {
        return server.url();
    }

    /** Everything the instance has logged so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
