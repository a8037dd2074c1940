package dev.automations.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §15 across instances, on PostgreSQL only (two service instances of their own, as {@link CronClusterIT} runs them):
 * many chats posted to both instances are each answered exactly once; an instance killed (SIGKILL) in the middle of a
 * turn leaves it running until its lease ends, and another instance then takes it over and answers it once.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "postgres")
class AgentClusterIT {

    private static final int CHATS = 24;
    private static final String[] SETTINGS = {"-Dautomations.agent.lease=PT10S", "-Dautomations.agent.timeout=PT8S",
            "-Dautomations.agent.sweep-period=PT1S"};

    @Test
    void eachTurnRunsOnceAcrossInstancesAndAKilledInstancesTurnIsTakenOver() throws Exception {
        WireMockServer model = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        model.start();
        List<Instance> instances = new ArrayList<>(List.of(Instance.start(18191, SETTINGS), Instance.start(18192, SETTINGS)));
        try {
            for (Instance instance : instances) {
                instance.awaitReady();
            }
            Instance a = instances.get(0);
            Instance b = instances.get(1);
            Api api = new Api(a.url());
            String owner = api.ownerToken();
            Api.User admin = api.newUser(owner);
            AgentIT.Org org = new AgentIT.Org(api, owner, admin, api.organization(owner, admin), "/cluster", "sk-cluster-" + UUID.randomUUID());
            AgentIT.modelConfig(org, "http://127.0.0.1:" + model.port() + "/cluster/v1", "gpt-4o", org.key());
            model.stubFor(post(urlEqualTo(org.completions())).willReturn(AgentIT.completion("answered").withFixedDelay(300)));

            List<String> chats = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) {
                Api via = new Api((i % 2 == 0 ? a : b).url());
                chats.add(via.as(admin.token()).body(Map.of("organization_id", org.id(), "content", "question " + i))
                        .post(AgentIT.CHATS).then().statusCode(201).extract().path("id"));
            }
            for (String chat : chats) {
                AgentIT.awaitChat(org, chat, Duration.ofSeconds(120), AgentIT.status("waiting"));
                assertEquals(2, AgentIT.messages(org, chat).size(), "one answer in chat " + chat);
            }
            List<String> asked = model.findAll(postRequestedFor(urlEqualTo(org.completions()))).stream().map(r -> r.getBodyAsString()).toList();
            Set<String> questions = new HashSet<>();
            asked.forEach(body -> questions.add(body.replaceAll("(?s).*\"content\" *: *\"(question \\d+)\".*", "$1")));
            assertEquals(CHATS, asked.size(), "the model was asked once per chat");
            assertEquals(CHATS, questions.size(), "each chat's question reached the model once");
            double byA = a.metric("automations_agent_turns_total", "outcome=\"answered\"");
            double byB = b.metric("automations_agent_turns_total", "outcome=\"answered\"");
            System.out.printf("AgentClusterIT: instance 1 answered %.0f, instance 2 answered %.0f of %d chats%n", byA, byB, CHATS);
            assertTrue(byA > 0 && byB > 0, "both instances ran turns: " + byA + " and " + byB);

            // Only instance 1 runs now, so the next turn is its; it dies while the model is still thinking.
            b.stop();
            String firstLogOfB = b.logText();
            model.resetAll();
            model.stubFor(post(urlEqualTo(org.completions())).inScenario("takeover").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(AgentIT.completion("never delivered").withFixedDelay(120_000)).willSetStateTo("taken over"));
            model.stubFor(post(urlEqualTo(org.completions())).inScenario("takeover").whenScenarioStateIs("taken over")
                    .willReturn(AgentIT.completion("answered after the takeover")));
            String chat = api.as(admin.token()).body(Map.of("organization_id", org.id(), "content", "who answers?"))
                    .post(AgentIT.CHATS).then().statusCode(201).extract().path("id");
            AgentIT.await("instance 1 to ask the model", Duration.ofSeconds(60),
                    () -> model.findAll(postRequestedFor(urlEqualTo(org.completions()))).size() == 1);
            a.kill();
            Instance successor = Instance.start(18192, SETTINGS);
            instances.set(1, successor);
            successor.awaitReady();
            AgentIT.Org viaSuccessor = new AgentIT.Org(new Api(successor.url()), owner, admin, org.id(), org.path(), org.key());
            AgentIT.awaitChat(viaSuccessor, chat, Duration.ofSeconds(120), AgentIT.status("waiting"));
            List<Map<String, Object>> messages = AgentIT.messages(viaSuccessor, chat);
            assertEquals(2, messages.size(), "answered once");
            assertEquals("answered after the takeover", AgentIT.text(messages.get(1)));
            assertEquals(2, model.findAll(postRequestedFor(urlEqualTo(org.completions()))).size());
            // Instance 1 was the only one alive when it asked, and died; so the second request is the successor's takeover.
            assertTrue(successor.metric("automations_agent_turns_total", "outcome=\"answered\"") >= 1);

            for (String log : List.of(a.logText(), firstLogOfB, successor.logText())) {
                assertFalse(log.contains(org.key()), "the api key is in an instance's log");
            }
        } finally {
            for (Instance instance : instances) {
                instance.stop();
            }
            model.stop();
        }
    }
}
