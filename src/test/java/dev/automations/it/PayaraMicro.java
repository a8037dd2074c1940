package dev.automations.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro started with the flags and {@code server-config/} files {@code ./run} uses, on the production WAR and database
 * binding, listening on loopback only. Not through {@code ./run} itself: its runtime directory and class-data archive are
 * a per-machine cache that a test run has no use for.
 */
final class PayaraMicro {

    private PayaraMicro() {
    }

    static TestServer start(TestServer.Boot boot) {
        Path config = Path.of(property("it.serverConfig"));
        String logging = config.resolve("logging.properties").toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Djava.util.logging.config.file=" + logging));
        boot.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", property("payara.microJar"), "--deploy", property("it.war"), "--port", String.valueOf(boot.port()),
                "--nohazelcast", "--disablephonehome", "--logproperties", logging,
                "--prebootcommandfile", config.resolve("pre-boot.asadmin").toString(),
                "--postbootcommandfile", config.resolve("post-boot-" + boot.database() + ".asadmin").toString(),
                "--postdeploycommandfile", config.resolve("post-deploy.asadmin").toString(), "--addLibs", property("it.lib")));
        Map<String, String> environment = new HashMap<>(boot.environment());
        environment.put("BIND_ADDRESS", "127.0.0.1");
        return ServerProcess.start(command, environment, boot.port(), "/health/ready", boot.log());
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set: run the ITs through Maven's failsafe executions");
        }
        return value;
    }
}
