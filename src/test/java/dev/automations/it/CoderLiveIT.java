package dev.automations.it;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opt-in: the Coder bridge against a real Coder deployment, named by {@code AUTOMATIONS_IT_CODER_URL},
 * {@code AUTOMATIONS_IT_CODER_TOKEN} and {@code AUTOMATIONS_IT_CODER_ORG} (and {@code AUTOMATIONS_IT_CODER_PREFIX},
 * default {@code /api/experimental}). Skipped, saying so, when they are not set. It creates chats there.
 */
class CoderLiveIT {

    private static final String URL = System.getenv("AUTOMATIONS_IT_CODER_URL");
    private static final String TOKEN = System.getenv("AUTOMATIONS_IT_CODER_TOKEN");
    private static final String ORG = System.getenv("AUTOMATIONS_IT_CODER_ORG");
    private static final String PREFIX = System.getenv().getOrDefault("AUTOMATIONS_IT_CODER_PREFIX", "/api/experimental");
    private static final boolean CONFIGURED = URL != null && TOKEN != null && ORG != null;
    private static CoderInstance service;

    @BeforeAll
    static void start() {
        if (CONFIGURED) {
            service = CoderInstance.start(URL, TOKEN, ORG, Map.of("automations.coder.api-prefix", PREFIX));
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static Response coder(String path) {
        return RestAssured.given().baseUri(URL).header("Coder-Session-Token", TOKEN).accept("application/json").get(path);
    }

    @Test
    void aDeliveryCreatesARealCoderChatAndTheNextContinuesIt() {
        String skip = "CoderLiveIT skipped: set AUTOMATIONS_IT_CODER_URL, AUTOMATIONS_IT_CODER_TOKEN and AUTOMATIONS_IT_CODER_ORG "
                + "to run the Coder bridge against a real Coder deployment";
        if (!CONFIGURED) {
            System.out.println(skip);
        }
        Assumptions.assumeTrue(CONFIGURED, skip);
        Hook hook = Hook.create(new Api(service.url()), Map.of(), Map.of("run", "run"));
        String run = UUID.randomUUID().toString();
        Map<String, Object> created = hook.fired(hook.delivered("{\"run\":\"" + run + "\"}"));
        assertEquals("created", created.get("status"), created::toString);
        String chat = (String) created.get("created_chat_id");
        Response read = coder(PREFIX + "/chats/" + chat);
        assertEquals(200, read.statusCode(), read::asString);
        Map<String, Object> remote = read.path("chat") != null ? read.path("chat") : read.path("");
        assertEquals(Map.of("run", run), remote.get("labels"));
        assertEquals("api", remote.get("client_type"));

        Map<String, Object> continued = hook.fired(hook.delivered("{\"run\":\"" + run + "\"}"));
        assertEquals("continued", continued.get("status"), continued::toString);
        assertEquals(chat, continued.get("matched_chat_id"));
        // The second message may still wait in Coder's queue behind the agent's turn (busy_behavior "queue").
        Response messages = coder(PREFIX + "/chats/" + chat + "/messages");
        List<String> texts = new java.util.ArrayList<>(messages.<List<String>>path("messages.content.flatten().text"));
        texts.addAll(messages.<List<String>>path("queued_messages.content.flatten().text"));
        assertTrue(texts.stream().filter(t -> t != null && t.contains(run)).count() >= 2, () -> "both messages reached Coder: " + texts);
    }
}
