package dev.automations.it;

import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/**
 * The build's WAR running in an application server, booted the way production boots it, for the ITs to call over
 * HTTP. Which server is the one choice below ({@code it.server}); the tests only ever see this interface.
 */
public interface TestServer extends AutoCloseable {

    /** The base URL, on the loopback address. */
    URL url();

    /** Stops the server and waits until it has exited. */
    @Override
    void close();

    /** Ends the server at once (SIGKILL), as a crash would, with no chance to finish or clean up its work. */
    void kill();

    /** Boots a server and returns once it is ready; a server that fails to become ready is stopped, and this throws. */
    static TestServer start(Boot boot) {
        String server = System.getProperty("it.server", "payara-micro");
        return switch (server) {
            case "payara-micro" -> PayaraMicro.start(boot);
            case "wildfly" -> WildFly.start(boot);
            default -> throw new IllegalArgumentException("Unknown it.server " + server);
        };
    }

    /**
     * What a server boots with, whichever it is.
     *
     * @param database   {@code h2} or {@code postgres}: which of the production database bindings in {@code server-config/}
     * @param port       the HTTP port
     * @param log        where the server's output goes
     * @param properties  MicroProfile Config keys set as system properties, as {@code JAVA_OPTS} sets them for {@code ./run}
     * @param environment added to the inherited environment (which carries the run's {@code AUTOMATIONS_DB_*}), e.g.
     *                    another {@code AUTOMATIONS_DB_URL}, or settings an operator keeps off the command line, such as tokens
     */
    record Boot(String database, int port, Path log, Map<String, String> properties, Map<String, String> environment) {

        Boot(String database, int port, Path log, Map<String, String> properties) {
            this(database, port, log, properties, Map.of());
        }
    }
}
