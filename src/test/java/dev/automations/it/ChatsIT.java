package dev.automations.it;

import dev.automations.signature.SignatureScheme;
import dev.automations.signature.TestSigning;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §9 firing through the embedded chat bridge, and the chats API of §11, end to end. */
class ChatsIT extends ServiceIT {

    private static final String DEFAULT_ORG = "00000000-0000-0000-0000-000000000001";
    private static final String AUTOMATIONS = "/api/experimental/automations";
    private static final String CHATS = "/api/experimental/chats";

    private record Hook(Api api, Api.User user, String automation, String trigger, String secret) {
        String events() {
            return AUTOMATIONS + "/" + automation + "/events";
        }
    }

    private Hook hook(Map<String, Object> settings) {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        Map<String, Object> create = new java.util.HashMap<>(settings);
        create.put("name", "Review " + UUID.randomUUID().toString().substring(0, 6));
        create.put("organization_id", DEFAULT_ORG);
        create.putIfAbsent("instructions", "Review the pull request.");
        create.putIfAbsent("status", "active");
        String automation = api.as(user.token()).body(create).post(AUTOMATIONS).then().statusCode(201).extract().path("id");
        var trigger = api.as(user.token()).body(Map.of("type", "webhook", "label_paths", Map.of("pr", "pr")))
                .post(AUTOMATIONS + "/" + automation + "/triggers").then().statusCode(201).extract();
        return new Hook(api, user, automation, trigger.path("id"), trigger.path("webhook_secret"));
    }

    private Response deliver(Hook hook, String body) {
        return given().baseUri(base.toString()).contentType("application/json")
                .headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, hook.secret(), body, 0)).header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .body(body).post("/api/v2/automations/triggers/" + hook.trigger() + "/webhook");
    }

    private String deliverPr(Hook hook, Object pr) {
        return deliver(hook, "{\"pr\":" + pr + ",\"title\":\"<b>fix</b> & \\\"quote\\\"\"}").then().statusCode(200)
                .extract().header("X-Automation-Event-Id");
    }

    /** Firing is asynchronous: waits until the event has left {@code pending}. */
    private Map<String, Object> fired(Hook hook, String event) {
        return fired(hook, event, Duration.ofSeconds(30));
    }

    private Map<String, Object> fired(Hook hook, String event, Duration timeout) {
        return Await.until("event " + event + " has left pending", timeout,
                () -> hook.api().as(hook.user().token()).get(hook.events() + "/" + event).then().statusCode(200).extract().<Map<String, Object>>path(""),
                e -> !"pending".equals(e.get("status")));
    }

    /** Waits until the automation has {@code expected} events, none pending, and counts them by status. */
    private Map<String, Long> statuses(Hook hook, int expected) {
        List<Map<String, Object>> events = Await.until(expected + " events of " + hook.automation() + " have all left pending", Duration.ofSeconds(60),
                () -> hook.api().as(hook.user().token()).get(hook.events() + "?limit=500").then().statusCode(200).extract().<List<Map<String, Object>>>path(""),
                all -> all.size() == expected && all.stream().noneMatch(e -> "pending".equals(e.get("status"))));
        return events.stream().collect(Collectors.groupingBy(e -> (String) e.get("status"), Collectors.counting()));
    }

    @Test
    void createdThenContinuedThenANewChatForNewLabelsAndNotIntoArchivedChats() {
        Hook hook = hook(Map.of());
        Map<String, Object> first = fired(hook, deliverPr(hook, 1));
        assertEquals("created", first.get("status"));
        String chat = (String) first.get("created_chat_id");
        Map<String, Object> second = fired(hook, deliverPr(hook, 1));
        assertEquals("continued", second.get("status"));
        assertEquals(chat, second.get("matched_chat_id"));
        Map<String, Object> other = fired(hook, deliverPr(hook, 2));
        assertEquals("created", other.get("status"));
        assertNotEquals(chat, other.get("created_chat_id"));

        String token = hook.user().token();
        hook.api().as(token).get(CHATS + "/" + chat).then().statusCode(200).body("labels", equalTo(Map.of("pr", "1")))
                .body("automation_id", equalTo(hook.automation())).body("client_type", equalTo("api")).body("status", equalTo("pending"))
                .body("title", org.hamcrest.Matchers.matchesPattern("\\[Review \\w+] \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"));
        String text = hook.api().as(token).get(CHATS + "/" + chat + "/messages").then().statusCode(200)
                .body("messages", hasSize(2)).body("has_more", equalTo(false)).body("messages[0].role", equalTo("user"))
                .body("messages[0].automation_event_id", equalTo(first.get("id"))).extract().path("messages[0].content[0].text");
        assertTrue(text.startsWith("Review the pull request.\n\n"), text);
        assertTrue(text.contains("automation \"Review"), text);
        assertTrue(text.contains((String) first.get("id")), "names the event");
        assertTrue(text.contains("<automation_event_data>\n{&quot;pr&quot;:1,&quot;title&quot;:&quot;&lt;b&gt;fix&lt;/b&gt; &amp;"), text);
        assertTrue(text.endsWith("</automation_event_data>"), text);

        hook.api().as(token).body(Map.of("archived", true)).patch(CHATS + "/" + chat).then().statusCode(204);
        Map<String, Object> afterArchive = fired(hook, deliverPr(hook, 1));
        assertEquals("created", afterArchive.get("status"));
    }

    @Test
    void sequentialLimitsGiveTheContractsErrors() {
        Hook creates = hook(Map.of("max_chat_creates_per_hour", 3));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(deliverPr(creates, 100 + i));
            fired(creates, events.get(i));
        }
        assertEquals(Map.of("created", 3L, "rate_limited", 7L), statuses(creates, 10));
        assertEquals("chat creation rate limit exceeded: 3/3 per hour", fired(creates, events.get(9)).get("error"));

        Hook messages = hook(Map.of("max_messages_per_hour", 2));
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add((String) fired(messages, deliverPr(messages, 7)).get("status"));
        }
        assertEquals(List.of("created", "continued", "rate_limited", "rate_limited"), statuses);
        // Past the message limit a group is rate-limited in one statement (Firing.rateLimitAll): the same event as one at a time.
        messages.api().as(messages.user().token()).get(messages.events() + "?limit=1").then()
                .body("[0].error", equalTo("message rate limit exceeded: 2/2 per hour"))
                .body("[0].matched_chat_id", nullValue()).body("[0].created_chat_id", nullValue());
    }

    @Test
    void limitsAreExactUnderConcurrency() throws Exception {
        Hook distinct = hook(Map.of("max_chat_creates_per_hour", 5, "max_messages_per_hour", 1000));
        Hook same = hook(Map.of("max_chat_creates_per_hour", 10, "max_messages_per_hour", 1000));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int pr = 1000 + i;
                sent.add(pool.submit(() -> deliver(distinct, "{\"pr\":" + pr + "}").statusCode()));
            }
            for (int i = 0; i < 20; i++) {
                sent.add(pool.submit(() -> deliver(same, "{\"pr\":1}").statusCode()));
            }
            for (Future<Integer> status : sent) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(Map.of("created", 5L, "rate_limited", 35L), statuses(distinct, 40));
        assertEquals(Map.of("created", 1L, "continued", 19L), statuses(same, 20));
        same.api().as(same.user().token()).get(CHATS + "?automation_id=" + same.automation()).then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void replayRunsAStoredEventAgainButNeverAnUnsignedOne() {
        Hook hook = hook(Map.of());
        Map<String, Object> original = fired(hook, deliverPr(hook, 5));
        String newId = hook.api().as(hook.user().token()).post(hook.events() + "/" + original.get("id") + "/replay").then().statusCode(201)
                .body("payload.pr", equalTo(5)).extract().path("id");
        Map<String, Object> replayed = fired(hook, newId);
        assertEquals("continued", replayed.get("status"));
        assertEquals(original.get("created_chat_id"), replayed.get("matched_chat_id"));
        given().baseUri(base.toString()).contentType("application/json").header("X-Hub-Signature-256", "sha256=00").body("{}")
                .post("/api/v2/automations/triggers/" + hook.trigger() + "/webhook").then().statusCode(200);
        String unsigned = hook.api().as(hook.user().token()).get(hook.events() + "?status=error").then().extract().path("[0].id");
        hook.api().as(hook.user().token()).post(hook.events() + "/" + unsigned + "/replay").then().statusCode(400);
    }

    @Test
    void previewRecordsTheChatThatWouldBeContinuedAndSendsNothing() {
        Hook hook = hook(Map.of());
        String chat = (String) fired(hook, deliverPr(hook, 9)).get("created_chat_id");
        hook.api().as(hook.user().token()).body(Map.of("status", "preview")).patch(AUTOMATIONS + "/" + hook.automation()).then().statusCode(200);
        Map<String, Object> preview = hook.api().as(hook.user().token()).get(hook.events() + "/" + deliverPr(hook, 9)).then().extract().path("");
        assertEquals("preview", preview.get("status"));
        assertEquals(chat, preview.get("matched_chat_id"));
        hook.api().as(hook.user().token()).get(CHATS + "/" + chat + "/messages").then().body("messages", hasSize(1));
        hook.api().as(hook.user().token()).body(Map.of("payload", Map.of("pr", 9), "trigger_id", hook.trigger()))
                .post(AUTOMATIONS + "/" + hook.automation() + "/test").then().statusCode(200)
                .body("existing_chat_id", equalTo(chat)).body("would_create_new_chat", equalTo(false));
    }

    /**
     * A crash between commit and hand-off leaves an event pending; the sweep fires it, once. A second lost event,
     * committed after the first was fired, can only be fired by a later sweep: once it is, that sweep has passed over
     * the first one too.
     */
    @Test
    @EnabledIfSystemProperty(named = "it.db", matches = "postgres")
    void aPendingEventWhoseHandOffWasLostIsFiredOnceByTheSweep() throws Exception {
        Hook hook = hook(Map.of());
        Map<String, Object> recovered = fired(hook, lostEvent(hook, 77).toString());
        assertEquals("created", recovered.get("status"));
        assertEquals("created", fired(hook, lostEvent(hook, 78).toString()).get("status"), "a later sweep ran");
        hook.api().as(hook.user().token()).get(CHATS + "?label=pr:77").then().body("$", hasSize(1));
        hook.api().as(hook.user().token()).get(CHATS + "/" + recovered.get("created_chat_id") + "/messages").then().body("messages", hasSize(1));
    }

    /**
     * The sweep reads stale events a page of 1 000 at a time, oldest first. A full page of events it can never fire (their
     * labels are not an object) once ended every sweep, so a lost event received after them waited forever.
     */
    @Test
    @EnabledIfSystemProperty(named = "it.db", matches = "postgres")
    void eventsTheSweepCannotFireDoNotHideALostEventReceivedAfterThem() throws Exception {
        Hook poisoned = hook(Map.of());
        try {
            lostEvents(poisoned, Instant.now().minusSeconds(120), Collections.nCopies(1000, "[\"not an object\"]"));
            Hook hook = hook(Map.of());
            String lost = lostEvents(hook, Instant.now().minusSeconds(60), List.of("{\"pr\":\"79\"}")).get(0).toString();
            assertEquals("created", fired(hook, lost, Duration.ofSeconds(60)).get("status"));
            poisoned.api().as(poisoned.user().token()).get(poisoned.events() + "?status=pending&limit=1").then().body("$", hasSize(1));
        } finally {
            poisoned.api().as(poisoned.user().token()).delete(AUTOMATIONS + "/" + poisoned.automation()).then().statusCode(204);
        }
    }

    /** An event left pending as a crash leaves it, received long enough ago for the sweep to take it. */
    private static UUID lostEvent(Hook hook, int pr) throws SQLException {
        return lostEvents(hook, Instant.now().minusSeconds(60), List.of("{\"pr\":\"" + pr + "\"}")).get(0);
    }

    /** Events left pending as a crash leaves them, one for each of {@code labels} (their resolved labels' JSON). */
    private static List<UUID> lostEvents(Hook hook, Instant received, List<String> labels) throws SQLException {
        List<UUID> events = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("INSERT INTO automation_events (id, automation_id, trigger_id, received_at, "
                     + "raw_payload, filter_matched, resolved_labels, status, signature_verified) "
                     + "VALUES (?, ?, ?, ?, FALSE, TRUE, ?, 'pending', TRUE)");
             PreparedStatement p = c.prepareStatement("INSERT INTO automation_event_payloads (event_id, payload) VALUES (?, ?)")) {
            for (String label : labels) {
                UUID event = UUID.randomUUID();
                s.setObject(1, event);
                s.setObject(2, UUID.fromString(hook.automation()));
                s.setObject(3, UUID.fromString(hook.trigger()));
                s.setObject(4, received.atOffset(ZoneOffset.UTC));
                s.setString(5, label);
                s.addBatch();
                p.setObject(1, event);
                p.setString(2, "{\"labels\":" + label + "}");
                p.addBatch();
                events.add(event);
            }
            s.executeBatch();
            p.executeBatch();
        }
        return events;
    }

    @Test
    void chatsApiIsTheOwnersAndReadableBySiteOwners() {
        Api api = api();
        String siteOwner = api.ownerToken();
        Api.User user = api.newUser(siteOwner);
        Api.User other = api.newUser(siteOwner);
        String chat = api.as(user.token()).body(Map.of("organization_id", DEFAULT_ORG, "content", "hello", "labels", Map.of("team", "core", "pr", "3")))
                .post(CHATS).then().statusCode(201).body("title", equalTo("hello")).body("labels.team", equalTo("core"))
                .body("archived", equalTo(false)).extract().path("id");
        api.as(user.token()).body(Map.of("content", "second")).post(CHATS + "/" + chat + "/messages").then().statusCode(200)
                .body("content[0].text", equalTo("second"));
        api.as(user.token()).get(CHATS + "/" + chat + "/messages?limit=1").then().body("messages", hasSize(1)).body("has_more", equalTo(true))
                .body("messages[0].content[0].text", equalTo("hello"));
        api.as(user.token()).get(CHATS + "?label=team:core&label=pr:3").then().body("id", equalTo(List.of(chat)));
        api.as(user.token()).get(CHATS + "?label=team:core&label=pr:4").then().body("$", hasSize(0));
        api.as(user.token()).body(Map.of("title", "renamed", "labels", Map.of("team", "infra"))).patch(CHATS + "/" + chat).then().statusCode(204);
        api.as(user.token()).get(CHATS + "/" + chat).then().body("title", equalTo("renamed")).body("labels", equalTo(Map.of("team", "infra")));
        api.as(user.token()).get(CHATS + "?archived=false&label=team:infra").then().body("id", equalTo(List.of(chat)));
        api.as(other.token()).get(CHATS + "/" + chat).then().statusCode(404);
        api.as(other.token()).get(CHATS + "/" + chat + "/messages").then().statusCode(404);
        api.as(other.token()).body(Map.of("content", "x")).post(CHATS + "/" + chat + "/messages").then().statusCode(404);
        api.as(other.token()).body(Map.of("archived", true)).patch(CHATS + "/" + chat).then().statusCode(404);
        api.as(other.token()).get(CHATS).then().body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(chat)));
        api.as(siteOwner).get(CHATS + "/" + chat).then().statusCode(200);
        api.as(user.token()).body(Map.of("content", "x", "organization_id", UUID.randomUUID().toString())).post(CHATS).then().statusCode(400);
        api.as(user.token()).get(CHATS + "?label=nocolon").then().statusCode(400).body("validations[0].field", containsString("label"));
    }
}
