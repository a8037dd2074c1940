package dev.automations.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A service instance of its own with {@code automations.chat.bridge=coder} (§17), since the other integration tests
 * run the embedded bridge. On PostgreSQL it shares the tests' database and data dir (so secrets sealed by either
 * stay readable to both); on H2 it has a fresh database of its own, as an H2 file opens in one process only.
 * The session token is passed in the environment, as an operator would, never on the command line.
 */
final class CoderInstance {

    private CoderInstance() {
    }

    static ServiceProcess start(String coderUrl, String token, String organization, Map<String, String> settings) {
        Path data = Path.of(System.getProperty("it.dataDir"));
        if (!"postgres".equals(System.getProperty("it.db"))) {
            data = Path.of(data + "-coder");
            TestDatabase.deleteTree(data);
        }
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("automations.chat.bridge", "coder");
        properties.put("automations.coder.url", coderUrl);
        properties.put("automations.coder.organization-id", organization);
        ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), data, properties,
                Map.of("AUTOMATIONS_CODER_SESSION_TOKEN", token));
        try {
            service.awaitReady();
            return service;
        } catch (Throwable e) {
            try {
                service.close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }
}
