package dev.automations.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §15 across instances, on PostgreSQL only: two instances of the test's own beside the run's shared server, all three
 * running turns on one database. Chats posted to both instances are each answered exactly once. An instance killed
 * (SIGKILL) in the middle of a turn leaves the chat running until the lease it took ends; another member then takes
 * the turn over and answers it, once.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "postgres")
class AgentClusterIT {

    private static final int CHATS = 24;
    /**
     * The test's instances claim with a short lease, so a takeover comes within seconds; the lease must outlast the
     * model timeout and three tool calls, so the tool timeout is as short as the IT server's.
     */
    private static final Map<String, String> SETTINGS = Map.of("automations.agent.lease", "PT10S", "automations.agent.timeout", "PT8S",
            "automations.agent.tool-timeout", ItSession.TOOL_TIMEOUT, "automations.agent.sweep-period", "PT1S");

    private static TestServer start(int n) {
        Map<String, String> properties = new java.util.HashMap<>(SETTINGS);
        // The run's data dir: its generated secret key is the one the shared server sealed the model config's key under.
        properties.put("automations.data-dir", ItSession.dataDir().toString());
        return TestServer.start(new TestServer.Boot("postgres", ServerProcess.freePort(), log(n), properties));
    }

    private static Path log(int n) {
        return ItSession.logs().resolve("agent-cluster-" + n + ".log");
    }

    private static int asked(WireMockServer model, AgentIT.Org org) {
        return model.findAll(postRequestedFor(urlEqualTo(org.completions()))).size();
    }

    @Test
    void eachTurnRunsOnceAcrossInstancesAndAKilledInstancesTurnIsTakenOver() throws Exception {
        // The shared server is the run's; starting it here makes it a member before the test's instances boot.
        ItSession.server();
        WireMockServer model = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        model.start();
        List<CompletableFuture<TestServer>> booting = List.of(CompletableFuture.supplyAsync(() -> start(1)),
                CompletableFuture.supplyAsync(() -> start(2)));
        List<TestServer> instances = new ArrayList<>();
        try {
            for (CompletableFuture<TestServer> boot : booting) {
                instances.add(boot.join());
            }
            Api a = new Api(instances.get(0).url());
            Api b = new Api(instances.get(1).url());
            String owner = a.ownerToken();
            Api.User admin = a.newUser(owner);
            AgentIT.Org org = new AgentIT.Org(a, owner, admin, a.organization(owner, admin), "/cluster-" + UUID.randomUUID().toString().substring(0, 8),
                    "sk-cluster-" + UUID.randomUUID());
            AgentIT.modelConfig(org, "http://127.0.0.1:" + model.port() + org.path() + "/v1", "gpt-4o", org.key());
            model.stubFor(post(urlEqualTo(org.completions())).willReturn(AgentIT.completion("answered").withFixedDelay(300)));

            List<String> chats = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) {
                chats.add((i % 2 == 0 ? a : b).as(admin.token()).body(Map.of("organization_id", org.id(), "content", "question " + i))
                        .post(AgentIT.CHATS).then().statusCode(201).extract().path("id"));
            }
            for (String chat : chats) {
                AgentIT.awaitChat(org, chat, Duration.ofSeconds(120), AgentIT.status("waiting"));
                assertEquals(2, AgentIT.messages(org, chat).size(), "one answer in chat " + chat);
            }
            Set<String> questions = new HashSet<>();
            model.findAll(postRequestedFor(urlEqualTo(org.completions())))
                    .forEach(r -> questions.add(r.getBodyAsString().replaceAll("(?s).*\"content\" *: *\"(question \\d+)\".*", "$1")));
            assertEquals(CHATS, asked(model, org), "the model was asked once per chat");
            assertEquals(CHATS, questions.size(), "each chat's question reached the model once");
            double byA = a.metric("automations_agent_turns_total", "outcome=\"answered\"");
            double byB = b.metric("automations_agent_turns_total", "outcome=\"answered\"");
            System.out.printf("AgentClusterIT: instance 1 answered %.0f, instance 2 answered %.0f of %d chats (the shared server the rest)%n",
                    byA, byB, CHATS);
            assertTrue(byA > 0 && byB > 0, "both instances ran turns: " + byA + " and " + byB);

            // The first answer never comes in time; whoever asks again is answered at once.
            model.resetAll();
            model.stubFor(post(urlEqualTo(org.completions())).inScenario("takeover").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(AgentIT.completion("never delivered").withFixedDelay(300_000)).willSetStateTo("taken over"));
            model.stubFor(post(urlEqualTo(org.completions())).inScenario("takeover").whenScenarioStateIs("taken over")
                    .willReturn(AgentIT.completion("answered after the takeover")));
            String chat = a.as(admin.token()).body(Map.of("organization_id", org.id(), "content", "who answers?"))
                    .post(AgentIT.CHATS).then().statusCode(201).extract().path("id");
            Await.until("a turn asks the model", Duration.ofSeconds(60), () -> asked(model, org) == 1);
            // Instance 1 claims a chat posted to it right after the commit, almost always before the other members'
            // sweeps (every second) look; it dies holding the turn. Should another member have claimed first, its
            // timeout and retry still leave exactly one answer, which is what is asserted.
            instances.get(0).kill();
            AgentIT.Org viaB = new AgentIT.Org(b, owner, admin, org.id(), org.path(), org.key());
            AgentIT.awaitChat(viaB, chat, Duration.ofMinutes(4), AgentIT.status("waiting"));
            List<Map<String, Object>> messages = AgentIT.messages(viaB, chat);
            assertEquals(2, messages.size(), "answered once");
            assertEquals("answered after the takeover", AgentIT.text(messages.get(1)));
            assertEquals(2, asked(model, org), "asked once by the dead instance, once by the one that took over");

            for (Path log : List.of(log(1), log(2))) {
                assertFalse(Files.readString(log).contains(org.key()), "the api key is in " + log);
            }
        } finally {
            for (TestServer instance : instances) {
                instance.close();
            }
            model.stop();
        }
    }
}
