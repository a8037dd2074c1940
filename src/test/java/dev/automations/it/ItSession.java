package dev.automations.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Path;
import java.util.Map;

/**
 * One integration-test run (a failsafe execution, {@code it.db} set): its database, up before any test, and the one
 * server every IT class talks to, booted when the first test asks for it and stopped when the run ends. Plain
 * unit-test runs (no {@code it.db}) are untouched.
 */
public class ItSession implements LauncherSessionListener {

    /** Short, so that a test waiting for the recovery sweep waits a moment instead of the production 15 s. */
    static final String SWEEP_PERIOD = "PT1S";
    /** Short, so McpIT's slow tool times out quickly; few rounds, so its round limit is reached quickly. */
    static final String TOOL_TIMEOUT = "PT2S";
    static final int MAX_TOOL_ROUNDS = 3;
    /** Jakarta Security's floor: the run creates and signs in hundreds of users (Passwords). */
    static final String PASSWORD_ITERATIONS = "1024";

    private static TestServer server;
    private static RuntimeException failedStart;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String db = System.getProperty("it.db");
        if (db != null) {
            TestDatabase.open(db);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (ItSession.class) {
            if (server != null) {
                server.close();
            }
        }
        TestDatabase.close();
    }

    /** The run's server, on the run's database. A server that failed to start fails every test that asks for it. */
    static synchronized TestServer server() {
        if (failedStart != null) {
            throw new IllegalStateException("The IT server failed to start earlier in this run", failedStart);
        }
        if (server == null) {
            String db = System.getProperty("it.db");
            try {
                server = TestServer.start(new TestServer.Boot(db, ServerProcess.freePort(), logs().resolve("server-" + db + ".log"),
                        Map.of("automations.data-dir", dataDir().toString(), "automations.firing.sweep-period", SWEEP_PERIOD,
                                "automations.agent.sweep-period", SWEEP_PERIOD, "automations.agent.tool-timeout", TOOL_TIMEOUT,
                                "automations.agent.max-tool-rounds", String.valueOf(MAX_TOOL_ROUNDS),
                                "automations.password.iterations", PASSWORD_ITERATIONS)));
            } catch (RuntimeException e) {
                failedStart = e;
                throw e;
            }
        }
        return server;
    }

    /** The run's data directory: H2's files and the generated secret keys every instance of the run shares. */
    static Path dataDir() {
        return Path.of(System.getProperty("it.dataDir"));
    }

    static Path logs() {
        return Path.of(System.getProperty("it.logs"));
    }
}
