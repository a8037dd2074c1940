package dev.automations.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WildFly started by {@code ./run-wildfly}, as a user starts it: the production set-up script on a fresh server
 * configuration, the build's WAR, and the database the execution's {@code AUTOMATIONS_DB_*} name. Each server gets a
 * configuration directory of its own beside its log, so several can run at once.
 */
final class WildFly {

    private WildFly() {
    }

    static TestServer start(TestServer.Boot boot) {
        Path project = Path.of(System.getProperty("it.serverConfig")).getParent();
        List<String> command = new ArrayList<>(List.of(project.resolve("run-wildfly").toString()));
        boot.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        Map<String, String> environment = new HashMap<>(boot.environment());
        environment.putAll(Map.of("SKIP_BUILD", "1", "PORT", String.valueOf(boot.port()), "BIND_ADDRESS", "127.0.0.1",
                "WILDFLY_BASE_DIR", boot.log().resolveSibling(boot.log().getFileName().toString().replaceFirst("\\.log$", "") + "-wildfly").toString()));
        return ServerProcess.start(command, environment, boot.port(), "/health/ready", boot.log());
    }
}
