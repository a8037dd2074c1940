package dev.automations.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Payara Micro started with the flags {@code ./run} uses, on the production WAR and database binding. */
final class PayaraMicro {

    private PayaraMicro() {
    }

    static TestServer start(TestServer.Boot boot) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m"));
        boot.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        Path postBoot = Path.of(property("it.serverConfig"), "post-boot-" + boot.database() + ".asadmin");
        command.addAll(List.of("-jar", property("payara.microJar"), "--deploy", property("it.war"), "--port", String.valueOf(boot.port()),
                "--nocluster", "--postbootcommandfile", postBoot.toString(), "--addLibs", property("it.lib")));
        return ServerProcess.start(command, boot.port(), "/health/ready", boot.log());
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set: run the ITs through Maven's failsafe executions");
        }
        return value;
    }
}
