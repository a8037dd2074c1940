package dev.automations.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automations.signature.SignatureScheme;
import dev.automations.signature.TestSigning;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §6 with real HTTP deliveries, signed in the test as each sender signs them, and the events they leave (§11). */
class WebhooksIT extends ServiceIT {

    private static final String DEFAULT_ORG = "00000000-0000-0000-0000-000000000001";
    private static final String AUTOMATIONS = "/api/experimental/automations";
    private static final String EVENT_ID = "X-Automation-Event-Id";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An automation of a fresh user, its status set, with one trigger created from {@code trigger}. */
    private record Hook(Api api, String token, String automation, String trigger, String secret, String url) {
        Map<String, Object> event(String id) {
            return api.as(token).get(AUTOMATIONS + "/" + automation + "/events/" + id).then().statusCode(200).extract().path("");
        }

        List<Map<String, Object>> events() {
            return api.as(token).get(AUTOMATIONS + "/" + automation + "/events").then().statusCode(200).extract().path("");
        }
    }

    /** A matched delivery is pending until fired (§9), then created or continued. */
    private static void assertMatched(Map<String, Object> event) {
        assertTrue(List.of("pending", "created", "continued").contains(event.get("status")), () -> "matched: " + event);
        assertEquals(true, event.get("filter_matched"));
    }

    private Hook hook(String status, Map<String, Object> trigger) {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String automation = api.automation(user.token(), DEFAULT_ORG);
        api.as(user.token()).body(Map.of("status", status)).patch(AUTOMATIONS + "/" + automation).then().statusCode(200);
        var created = api.as(user.token()).body(trigger).post(AUTOMATIONS + "/" + automation + "/triggers").then().statusCode(201).extract();
        return new Hook(api, user.token(), automation, created.path("id"), created.path("webhook_secret"), path(created.path("id")));
    }

    private static String path(String trigger) {
        return "/api/v2/automations/triggers/" + trigger + "/webhook";
    }

    private RequestSpecification sender() {
        return given().baseUri(base.toString());
    }

    private Response github(Hook hook, String body, String delivery) {
        return sender().contentType("application/json").headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, hook.secret(), body, 0))
                .header("X-GitHub-Delivery", delivery).header("X-GitHub-Event", "pull_request").body(body).post(hook.url());
    }

    @Test
    void everySchemeAcceptsItsSendersSignature() {
        String body = "{\"action\":\"opened\",\"pull_request\":{\"number\":42}}";
        long now = Instant.now().getEpochSecond();

        Hook gh = hook("active", Map.of("type", "webhook"));
        String ghEvent = github(gh, body, "gh-1").then().statusCode(200).header(EVENT_ID, notNullValue()).extract().header(EVENT_ID);
        Map<String, Object> event = gh.event(ghEvent);
        assertMatched(event);
        assertEquals("gh-1", event.get("delivery_id"));
        assertEquals(Map.of("action", "opened", "pull_request", Map.of("number", 42)), event.get("payload"));

        Hook sw = hook("active", Map.of("type", "webhook", "signature_scheme", "standard-webhooks"));
        sender().contentType("application/json").headers(TestSigning.signedHeaders(SignatureScheme.STANDARD_WEBHOOKS, sw.secret(), body, now))
                .body(body).post(sw.url())
                .then().statusCode(200).header(EVENT_ID, notNullValue());

        Hook stripe = hook("active", Map.of("type", "webhook", "signature_scheme", "stripe", "webhook_secret", "whsec_test_stripe_secret_1234"));
        sender().contentType("application/json").headers(TestSigning.signedHeaders(SignatureScheme.STRIPE, stripe.secret(), body, now)).body(body)
                .post(stripe.url()).then().statusCode(200).header(EVENT_ID, notNullValue());

        Hook slack = hook("active", Map.of("type", "webhook", "signature_scheme", "slack", "webhook_secret", "slack-signing-secret-0123"));
        sender().contentType("application/json").headers(TestSigning.signedHeaders(SignatureScheme.SLACK, slack.secret(), body, now))
                .body(body).post(slack.url())
                .then().statusCode(200).header(EVENT_ID, notNullValue());

        Hook gitlab = hook("active", Map.of("type", "webhook", "signature_scheme", "token"));
        sender().contentType("application/json").header("X-Gitlab-Token", gitlab.secret()).body(body).post(gitlab.url())
                .then().statusCode(200).header(EVENT_ID, notNullValue());
        sender().contentType("application/json").header("Authorization", "Bearer " + gitlab.secret()).body(body).post(gitlab.url())
                .then().statusCode(200).header(EVENT_ID, notNullValue());
    }

    @Test
    void aBadSignatureIsRecordedAsAnErrorAndLearnsNothing() {
        Hook hook = hook("active", Map.of("type", "webhook"));
        sender().contentType("application/json").header("X-Hub-Signature-256", "sha256=" + "0".repeat(64)).body("{}").post(hook.url())
                .then().statusCode(200).header(EVENT_ID, nullValue());
        sender().contentType("application/json").body("{}").post(hook.url()).then().statusCode(200).header(EVENT_ID, nullValue());
        List<Map<String, Object>> events = hook.events();
        assertEquals(2, events.size());
        for (Map<String, Object> event : events) {
            assertEquals("error", event.get("status"));
            assertEquals("signature verification failed", event.get("error"));
            assertNotNull(event.get("reason"));
            assertNull(event.get("delivery_id"));
        }
    }

    @Test
    void aRepeatedDeliveryIdIsADuplicate() {
        Hook hook = hook("active", Map.of("type", "webhook"));
        String first = github(hook, "{\"n\":1}", "same").then().statusCode(200).extract().header(EVENT_ID);
        String second = github(hook, "{\"n\":2}", "same").then().statusCode(200).extract().header(EVENT_ID);
        assertEquals(first, second);
        assertEquals(1, hook.events().size());
    }

    /**
     * Deliveries that arrive together are written as groups in one transaction each: a repeat in a group, or of a delivery
     * in another group, must still be answered with the first one's event, and a delivery that fails verification or names
     * another trigger must keep its own outcome.
     */
    @Test
    void deliveriesArrivingTogetherKeepTheirOwnOutcomesAndRepeatsFindTheFirst() throws Exception {
        Hook hook = hook("active", Map.of("type", "webhook"));
        Hook other = hook("active", Map.of("type", "webhook"));
        List<Callable<String[]>> sends = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            String delivery = "together-" + (n % 40);
            String body = "{\"n\":" + (n % 40) + "}";
            sends.add(() -> new String[]{delivery, github(hook, body, delivery).then().statusCode(200).extract().header(EVENT_ID)});
        }
        for (int n = 0; n < 5; n++) {
            String delivery = "forged-" + n;
            sends.add(() -> new String[]{delivery, sender().contentType("application/json").header("X-Hub-Signature-256", "sha256=00")
                    .header("X-GitHub-Delivery", delivery).body("{}").post(hook.url()).then().statusCode(200).extract().header(EVENT_ID)});
            sends.add(() -> new String[]{"other", github(other, "{}", delivery).then().statusCode(200).extract().header(EVENT_ID)});
        }
        ExecutorService senders = Executors.newFixedThreadPool(35);
        Map<String, Set<String>> answers = new HashMap<>();
        try {
            for (Future<String[]> sent : senders.invokeAll(sends, 120, TimeUnit.SECONDS)) {
                String[] answer = sent.get();
                answers.computeIfAbsent(answer[0], k -> new HashSet<>()).add(String.valueOf(answer[1]));
            }
        } finally {
            senders.shutdownNow();
        }
        for (int n = 0; n < 40; n++) {
            Set<String> ids = answers.get("together-" + n);
            assertEquals(1, ids.size(), () -> "one event for a delivery id and its repeat: " + ids);
            assertNotNull(hook.event(ids.iterator().next()));
        }
        for (int n = 0; n < 5; n++) {
            assertEquals(Set.of("null"), answers.get("forged-" + n), "a forged delivery learns no event id");
        }
        assertEquals(5, answers.get("other").size(), "the other trigger's deliveries each have their own event");
        List<Map<String, Object>> recorded = hook.api().as(hook.token()).get(AUTOMATIONS + "/" + hook.automation() + "/events?limit=100")
                .then().statusCode(200).extract().path("");
        assertEquals(45, recorded.size(), "40 delivery ids and 5 forgeries: " + recorded.size());
        assertEquals(5, recorded.stream().filter(e -> "error".equals(e.get("status"))).count());
        assertEquals(5, other.events().size());
    }

    @Test
    void unknownMalformedCronAndDisabledTriggersRecordNothing() {
        Hook disabled = hook("disabled", Map.of("type", "webhook"));
        github(disabled, "{}", "d-1").then().statusCode(200).header(EVENT_ID, nullValue()).body(equalTo("{}"));
        assertEquals(0, disabled.events().size());
        sender().body("{}").post(path(UUID.randomUUID().toString())).then().statusCode(200).header(EVENT_ID, nullValue()).body(equalTo("{}"));
        sender().body("{}").post(path("not-a-uuid")).then().statusCode(200).body(equalTo("{}"));
        Hook cron = hook("active", Map.of("type", "cron", "cron_schedule", "@daily"));
        sender().body("{}").post(path(cron.trigger())).then().statusCode(200).body(equalTo("{}"));
        assertEquals(0, cron.events().size());
    }

    @Test
    void aBodyOverTheLimitIsRecordedWithItsSizeOnly() {
        Hook hook = hook("active", Map.of("type", "webhook"));
        String body = "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}";
        github(hook, body, "big").then().statusCode(200).header(EVENT_ID, nullValue());
        Map<String, Object> event = hook.events().get(0);
        assertEquals("error", event.get("status"));
        assertEquals("payload too large", event.get("error"));
        assertEquals(Map.of("_truncated", true, "_original_size", body.length()), event.get("payload"));
    }

    @Test
    void largeJsonIsStoredAsAStubButFilteredAndLabelledWhole() {
        Hook hook = hook("active", Map.of("type", "webhook", "filter", Map.of("tail", "end"), "label_paths", Map.of("tail", "tail")));
        String body = "{\"pad\":\"" + "p".repeat(70_000) + "\",\"tail\":\"end\"}";
        String id = github(hook, body, "large").then().statusCode(200).extract().header(EVENT_ID);
        Map<String, Object> event = hook.event(id);
        assertMatched(event);
        assertEquals(Map.of("_truncated", true, "_original_size", body.length()), event.get("payload"));
        assertEquals(Map.of("tail", "end"), event.get("resolved_labels"));
    }

    @Test
    void formBodiesNonJsonBodiesAndFilters() {
        Hook hook = hook("active", Map.of("type", "webhook", "filter", Map.of("header:X-GitHub-Event", "pull_request", "action", "opened")));
        String form = "payload=" + java.net.URLEncoder.encode("{\"action\":\"opened\"}", java.nio.charset.StandardCharsets.UTF_8);
        String formEvent = sender().contentType("application/x-www-form-urlencoded").headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, hook.secret(), form, 0))
                .header("X-GitHub-Event", "pull_request").body(form).post(hook.url()).then().statusCode(200).extract().header(EVENT_ID);
        assertEquals(Map.of("action", "opened"), hook.event(formEvent).get("payload"));
        assertMatched(hook.event(formEvent));

        String closed = github(hook, "{\"action\":\"closed\"}", "f-2").then().statusCode(200).header(EVENT_ID, notNullValue()).extract().header(EVENT_ID);
        Map<String, Object> filtered = hook.event(closed);
        assertEquals("filtered", filtered.get("status"));
        assertEquals(false, filtered.get("filter_matched"));
        assertTrue(((String) filtered.get("reason")).contains("closed"), () -> "reason names the actual value: " + filtered.get("reason"));

        String text = "hello, not json";
        String raw = sender().contentType("text/plain").headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, hook.secret(), text, 0))
                .header("X-GitHub-Event", "pull_request").body(text).post(hook.url()).then().statusCode(200).extract().header(EVENT_ID);
        Map<String, Object> rawEvent = hook.event(raw);
        assertEquals(Map.of("_raw_body", text, "_content_note", "Original payload was not valid JSON."), rawEvent.get("payload"));
        assertEquals("filtered", rawEvent.get("status"), "selectors find nothing in a raw body");
    }

    /** §8 end to end: every label vector through a signed delivery and through the test endpoint; L01/L02 give null. */
    @Test
    void everyLabelVectorResolvesAsTheVectorSays() throws Exception {
        JsonNode vectors = JSON.readTree(getClass().getResource("/vectors/filters.json"));
        Map<String, String> vectorHeaders = JSON.convertValue(vectors.at("/headers/H"), new TypeReference<>() { });
        for (JsonNode c : vectors.get("labels")) {
            Map<String, Object> trigger = new HashMap<>(Map.of("type", "webhook"));
            trigger.put("label_paths", JSON.convertValue(c.get("label_paths"), Object.class));
            Hook hook = hook("active", trigger);
            String body = c.get("payload").toString();
            String id = sender().contentType("application/json").headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, hook.secret(), body, 0))
                    .headers(vectorHeaders).body(body).post(hook.url()).then().statusCode(200).extract().header(EVENT_ID);
            Object expected = JSON.convertValue(c.get("labels"), Object.class);
            assertEquals(expected, hook.event(id).get("resolved_labels"), c.get("id").asText() + " delivered");
            Map<String, Object> test = new HashMap<>(Map.of("payload", JSON.convertValue(c.get("payload"), Object.class),
                    "headers", vectorHeaders));
            test.put("label_paths", trigger.get("label_paths"));
            Object tested = hook.api().as(hook.token()).body(test).post(AUTOMATIONS + "/" + hook.automation() + "/test")
                    .then().statusCode(200).extract().path("resolved_labels");
            assertEquals(expected, tested, c.get("id").asText() + " tested");
        }
    }

    /** Findings 1 and 2: a body the parser refuses, or any header, still gets 200 and an event; nothing is a 500 or a page. */
    @Test
    void deepNestingAndAnyHeadersAreAcknowledgedAndRecorded() {
        Hook hook = hook("active", Map.of("type", "webhook"));
        String deep = "[".repeat(100_000);
        String id = github(hook, deep, "deep-1").then().statusCode(200).header(EVENT_ID, notNullValue()).extract().header(EVENT_ID);
        Map<String, Object> event = hook.event(id);
        assertMatched(event);
        assertEquals("Original payload was not valid JSON.", ((Map<?, ?>) event.get("payload")).get("_content_note"));
        String form = "payload=" + java.net.URLEncoder.encode("{\"a\":".repeat(1001) + "1" + "}".repeat(1001), java.nio.charset.StandardCharsets.UTF_8);
        sender().contentType("application/x-www-form-urlencoded").headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, hook.secret(), form, 0))
                .body(form).post(hook.url()).then().statusCode(200).header(EVENT_ID, notNullValue());
        String body = "{\"n\":1}";
        Map<String, String> signed = TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, hook.secret(), body, 0);
        String signature = signed.get("X-Hub-Signature-256");
        for (String[] headers : List.of(new String[] {"Content-Type", ""}, new String[] {"Content-Type", "garbage"},
                new String[] {"Content-Type", "application/json", "Content-Type", "text/plain"}, new String[] {"Accept", "text/html"},
                new String[] {"Accept", ";;;"}, new String[] {"Content-Type", "application/json; charset="})) {
            String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(headers),
                    java.util.stream.Stream.of("X-Hub-Signature-256", signature)).toArray(String[]::new);
            var answer = hook.api().raw("POST", hook.url(), body, all);
            assertEquals(200, answer.statusCode(), () -> String.join(" ", headers) + ": " + answer.body());
            assertEquals("{}", answer.body());
            assertTrue(answer.headers().firstValue(EVENT_ID).isPresent(), () -> String.join(" ", headers));
        }
        assertEquals(8, hook.events().size(), "every delivery was recorded");
    }

    @Test
    void previewAutomationsRecordPreviewEvents() {
        Hook hook = hook("preview", Map.of("type", "webhook", "label_paths", Map.of("pr", "pull_request.number")));
        String id = github(hook, "{\"pull_request\":{\"number\":7}}", "p-1").then().statusCode(200).extract().header(EVENT_ID);
        Map<String, Object> event = hook.event(id);
        assertEquals("preview", event.get("status"));
        assertEquals(Map.of("pr", "7"), event.get("resolved_labels"));
    }

    @Test
    void theOldSecretVerifiesDuringTheGracePeriod() {
        Hook hook = hook("active", Map.of("type", "webhook"));
        hook.api().as(hook.token()).body(Map.of("grace_period_seconds", 600))
                .post(AUTOMATIONS + "/" + hook.automation() + "/triggers/" + hook.trigger() + "/regenerate-secret").then().statusCode(200);
        github(hook, "{}", "old-secret").then().statusCode(200).header(EVENT_ID, notNullValue());
        hook.api().as(hook.token()).body(Map.of())
                .post(AUTOMATIONS + "/" + hook.automation() + "/triggers/" + hook.trigger() + "/regenerate-secret").then().statusCode(200);
        github(hook, "{}", "old-secret-2").then().statusCode(200).header(EVENT_ID, nullValue());
    }

    @Test
    void eventsAreListedNewestFirstWithFiltersAndOnlyUnderTheirAutomation() {
        Hook hook = hook("active", Map.of("type", "webhook", "filter", Map.of("ok", true)));
        String first = github(hook, "{\"ok\":true}", "l-1").then().extract().header(EVENT_ID);
        String second = github(hook, "{\"ok\":false}", "l-2").then().extract().header(EVENT_ID);
        String events = AUTOMATIONS + "/" + hook.automation() + "/events";
        hook.api().as(hook.token()).get(events).then().statusCode(200).body("id", equalTo(List.of(second, first)));
        hook.api().as(hook.token()).get(events + "?status=filtered").then().body("id", equalTo(List.of(second)));
        hook.api().as(hook.token()).get(events + "?trigger_id=" + hook.trigger() + "&limit=1").then().body("id", equalTo(List.of(second)));
        hook.api().as(hook.token()).get(events + "?status=bogus").then().statusCode(400);
        Hook other = hook("active", Map.of("type", "webhook"));
        other.api().as(other.token()).get(AUTOMATIONS + "/" + other.automation() + "/events/" + first).then().statusCode(404);
        other.api().as(other.token()).get(events).then().statusCode(404);
    }

    @Test
    void theTestEndpointEvaluatesWithoutRecording() {
        Hook hook = hook("active", Map.of("type", "webhook", "filter", Map.of("action", "opened"), "label_paths", Map.of("pr", "number")));
        String test = AUTOMATIONS + "/" + hook.automation() + "/test";
        hook.api().as(hook.token()).body(Map.of("payload", Map.of("action", "opened", "number", 5), "trigger_id", hook.trigger()))
                .post(test).then().statusCode(200).body("filter_matched", equalTo(true)).body("resolved_labels.pr", equalTo("5"))
                .body("would_create_new_chat", equalTo(true));
        hook.api().as(hook.token()).body(Map.of("payload", Map.of("action", "closed"), "trigger_id", hook.trigger()))
                .post(test).then().statusCode(200).body("filter_matched", equalTo(false)).body("reason", containsString("action"));
        hook.api().as(hook.token()).body(Map.of("payload", Map.of("a", 1), "headers", Map.of("X-Event", "push"),
                        "filter", Map.of("header:x-event", "push"), "label_paths", Map.of("a", "a")))
                .post(test).then().statusCode(200).body("filter_matched", equalTo(true)).body("resolved_labels.a", equalTo("1"));
        hook.api().as(hook.token()).body(Map.of("payload", Map.of(), "filter", Map.of("a", Map.of("$nope", 1)))).post(test)
                .then().statusCode(400).body("validations[0].field", equalTo("filter"));
        hook.api().as(hook.token()).body(Map.of("filter", Map.of())).post(test).then().statusCode(400);
        assertEquals(0, hook.events().size());
    }

    /**
     * §14 on every server, and finding 8: the names, types and label sets as §14 writes them, no label a server adds
     * of its own; every status an event takes is counted (a fired event counts once pending and once created);
     * durations in seconds; each series named once.
     */
    @Test
    void metricsFollowTheContract() {
        Hook hook = hook("active", Map.of("type", "webhook"));
        String before = metrics();
        String delivery = "m-" + UUID.randomUUID();
        String id = github(hook, "{}", delivery).then().statusCode(200).extract().header(EVENT_ID);
        github(hook, "{}", delivery).then().statusCode(200);
        Await.until("the delivery is fired", Duration.ofSeconds(30), () -> "created".equals(hook.event(id).get("status")));
        String after = metrics();
        for (String family : List.of("automations_webhook_requests_total counter", "automations_webhook_request_seconds histogram",
                "automations_events_total counter", "automations_cron_fires_total counter", "automations_cron_lag_seconds histogram",
                "automations_pending_events gauge")) {
            assertTrue(after.contains("\n# TYPE " + family + "\n"), () -> family + " in\n" + after);
        }
        assertEquals(1, delta(before, after, "automations_webhook_requests_total{outcome=\"accepted\"}"), after);
        assertEquals(1, delta(before, after, "automations_webhook_requests_total{outcome=\"duplicate\"}"), after);
        assertEquals(2, delta(before, after, "automations_webhook_request_seconds_count"), after);
        double mean = delta(before, after, "automations_webhook_request_seconds_sum") / 2;
        assertTrue(mean > 0 && mean < 30, "the mean delivery time is in seconds: " + mean);
        // At least: cron triggers of earlier tests may fire on the shared server meanwhile.
        assertTrue(delta(before, after, "automations_events_total{status=\"pending\"}") >= 1, after);
        assertTrue(delta(before, after, "automations_events_total{status=\"created\"}") >= 1, after);
        sample(after, "automations_pending_events");
        assertFalse(after.matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}-.*"), "no ids in labels");
        assertFalse(after.contains("mp_scope"), after);
        List<String> series = after.lines().filter(line -> !line.startsWith("#")).map(line -> line.substring(0, line.lastIndexOf(' '))).toList();
        assertEquals(series.size(), new HashSet<>(series).size(), "a series named twice: " + series);
    }

    private String metrics() {
        return api().plain().get("/metrics").then().statusCode(200).contentType(containsString("text/plain")).extract().asString();
    }

    private static double delta(String before, String after, String series) {
        return sample(after, series) - before.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(0.0);
    }

    /** The value of one series in Prometheus text; a series that is missing fails the test. */
    private static double sample(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(series + " missing from\n" + metrics));
    }

    /** §6 step 8: while the database refuses us, deliveries are 503 with Retry-After; the retry is then recorded once. */
    @Test
    @EnabledIfSystemProperty(named = "it.db", matches = "postgres")
    void noDeliveryIsAcknowledgedWithoutBeingCommitted() {
        Hook hook = hook("active", Map.of("type", "webhook"));
        try {
            TestDatabase.superuser("ALTER ROLE " + TestDatabase.ROLE + " NOLOGIN");
            TestDatabase.superuser("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + TestDatabase.ROLE + "'");
            github(hook, "{\"n\":1}", "outage-1").then().statusCode(503).header("Retry-After", notNullValue());
        } finally {
            TestDatabase.superuser("ALTER ROLE " + TestDatabase.ROLE + " LOGIN");
        }
        String id = github(hook, "{\"n\":1}", "outage-1").then().statusCode(200).extract().header(EVENT_ID);
        github(hook, "{\"n\":1}", "outage-1").then().statusCode(200).header(EVENT_ID, equalTo(id));
        assertEquals(1, hook.events().size());
    }
}
