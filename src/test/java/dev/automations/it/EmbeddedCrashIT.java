package dev.automations.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A delivery answered 200 survives a crash on the embedded database too (§6, §9). H2 commits in memory and writes its
 * file later, half a second later by default, so an instance of its own on an H2 file of its own is killed (SIGKILL)
 * right after its last answer, twice, and every delivery it acknowledged must still be an event after the restart.
 * {@code CrashIT} does the same under load on PostgreSQL, whose commit is durable whatever the service configures.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "h2")
class EmbeddedCrashIT {

    private static final int KILLS = 2;
    private static final int DELIVERIES_BEFORE_KILL = 40;

    @Test
    void killedRightAfterItsLastAnswerItKeepsEveryAcknowledgedDelivery() {
        TestServer.Boot boot = new TestServer.Boot("h2", ServerProcess.freePort(), ItSession.logs().resolve("embedded-crash.log"),
                Map.of("automations.data-dir", ItSession.dataDir() + "-embedded-crash"));
        TestServer server = TestServer.start(boot);
        try {
            Hook hook = Hook.create(new Api(server.url()), Map.of(), Map.of());
            Set<String> acknowledged = new HashSet<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                for (int i = 0; i < DELIVERIES_BEFORE_KILL; i++) {
                    acknowledged.add(hook.delivered("{\"action\":\"created\",\"kill\":" + kill + ",\"n\":" + i + "}"));
                }
                server.kill();
                server = TestServer.start(boot);
            }
            List<String> recorded = hook.api().as(hook.user().token()).get(hook.events() + "?limit=500")
                    .then().statusCode(200).extract().path("id");
            Set<String> lost = new HashSet<>(acknowledged);
            recorded.forEach(lost::remove);
            assertEquals(Set.of(), lost, "deliveries answered 200 whose events were gone after the crash");
            assertEquals(KILLS * DELIVERIES_BEFORE_KILL, acknowledged.size(), "one event per delivery");
        } finally {
            server.close();
        }
    }
}
