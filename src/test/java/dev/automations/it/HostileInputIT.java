package dev.automations.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automations.signature.SignatureScheme;
import dev.automations.signature.TestSigning;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #11's hostile input suite: {@value #REQUESTS} generated requests (see {@link HostileRequests}) against every
 * admin endpoint and the webhook. None may be answered 5xx or in HTML or take longer than its 20 s timeout; every
 * 4xx carries the §1 body; the webhook always answers 200; the log grows by at most one line per request; and the
 * service is healthy afterwards. The seed is printed, and {@code -Dhostile.seed} replays a run.
 */
class HostileInputIT extends ServiceIT {

    static final int REQUESTS = 10_000;
    private static final int THREADS = 4;
    private static final Duration SUITE = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ERROR_KEYS = Set.of("message", "detail", "validations");

    @Test
    void noInputBreaksTheService() throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("HostileInputIT seed " + seed + " (replay with -Dhostile.seed=" + seed + ")");
        Api api = api();
        HostileRequests.Fixture fixture = fixture(api);
        JsonNode openapi = JSON.readTree(api.plain().accept("application/json").get("/openapi").then().statusCode(200).extract().asString());
        HostileRequests generator = new HostileRequests(URI.create(base.toString()), openapi, fixture, seed);
        assertTrue(generator.operationCount() >= 40, "the document lists every operation: " + generator.operationCount());

        long logBefore = ServerLog.lines();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<HostileRequests.Hostile> requests = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(generator.next());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        for (HostileRequests.Hostile request : requests) {
            pool.submit(() -> send(http, request, statuses, violations));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(SUITE.toSeconds(), TimeUnit.SECONDS), "the suite did not finish within " + SUITE);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        long logGrowth = ServerLog.lines() - logBefore;
        System.out.printf("HostileInputIT: %d requests in %d s, statuses %s, log grew by %d lines%n", REQUESTS, seconds,
                new TreeMap<>(statuses), logGrowth);

        assertTrue(violations.isEmpty(), () -> violations.size() + " violations, first ones:\n" + String.join("\n",
                violations.subList(0, Math.min(20, violations.size()))));
        assertTrue(logGrowth <= REQUESTS, "the log grew by " + logGrowth + " lines for " + REQUESTS + " requests");
        stillHealthy(api);
    }

    private static void send(HttpClient http, HostileRequests.Hostile hostile, Map<String, AtomicInteger> statuses, List<String> violations) {
        try {
            HttpResponse<byte[]> response = http.send(hostile.request(), HttpResponse.BodyHandlers.ofByteArray());
            statuses.computeIfAbsent(Integer.toString(response.statusCode()), s -> new AtomicInteger()).incrementAndGet();
            violation(hostile, response).or(() -> leak(response)).ifPresent(v -> violations.add(v + " <- " + hostile.label()));
        } catch (IOException e) {
            violations.add("no answer (" + e + ") <- " + hostile.label());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No answer but the creating one carries a secret (§13); these requests create none. */
    private static Optional<String> leak(HttpResponse<byte[]> response) {
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        return KnownSecrets.all().stream().filter(body::contains).findFirst().map(secret -> "an answer holds a secret");
    }

    static Optional<String> violation(HostileRequests.Hostile hostile, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            return Optional.of(status + " " + body);
        }
        if (type.contains("html") || body.stripLeading().startsWith("<")) {
            return Optional.of(status + " HTML");
        }
        if (hostile.webhook()) {
            return status == 200 ? Optional.empty() : Optional.of("webhook " + status + " " + body);
        }
        if (status >= 400) {
            return errorBodyProblem(body).map(problem -> status + " " + problem + ": " + body);
        }
        return Optional.empty();
    }

    /** §1: {message, detail?, validations?: [{field, detail}]} and nothing else. */
    private static Optional<String> errorBodyProblem(String body) {
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of("error body is not JSON");
        }
        if (error == null || !error.isObject() || !error.path("message").isTextual()) {
            return Optional.of("error body has no message");
        }
        for (Iterator<String> names = error.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ERROR_KEYS.contains(name)) {
                return Optional.of("error body has " + name);
            }
        }
        if (error.has("validations")) {
            for (JsonNode v : error.get("validations")) {
                if (!v.path("field").isTextual() || !v.path("detail").isTextual()) {
                    return Optional.of("malformed validations entry");
                }
            }
        }
        return Optional.empty();
    }

    /** A member with an automation, a webhook trigger of every scheme, a cron trigger, an event and a chat. */
    private static HostileRequests.Fixture fixture(Api api) {
        Api.User user = api.newUser(api.ownerToken());
        String org = "00000000-0000-0000-0000-000000000001";
        String automation = api.automation(user.token(), org);
        api.as(user.token()).body(Map.of("status", "active")).patch("/api/experimental/automations/" + automation).then().statusCode(200);
        Map<SignatureScheme, HostileRequests.Trigger> webhooks = new EnumMap<>(SignatureScheme.class);
        for (SignatureScheme scheme : SignatureScheme.values()) {
            Map<String, Object> trigger = Map.of("type", "webhook", "signature_scheme", scheme.wireName());
            if (!scheme.generatesSecret()) {
                trigger = Map.of("type", "webhook", "signature_scheme", scheme.wireName(), "webhook_secret", "hostile-suite-secret-" + scheme.ordinal());
            }
            var created = api.as(user.token()).body(trigger).post("/api/experimental/automations/" + automation + "/triggers")
                    .then().statusCode(201).extract();
            webhooks.put(scheme, new HostileRequests.Trigger(created.path("id"), created.path("webhook_secret")));
        }
        String cron = api.as(user.token()).body(Map.of("type", "cron", "cron_schedule", "0 0 1 1 *"))
                .post("/api/experimental/automations/" + automation + "/triggers").then().statusCode(201).extract().path("id");
        HostileRequests.Trigger hmac = webhooks.get(SignatureScheme.HMAC_SHA256);
        String event = deliver(api, hmac, "{\"action\":\"opened\"}");
        String chat = api.as(user.token()).body(Map.of("organization_id", org, "content", "hostile suite"))
                .post("/api/experimental/chats").then().statusCode(201).extract().path("id");
        KnownSecrets.addToken(user.token());
        webhooks.values().forEach(w -> KnownSecrets.add(w.secret()));
        return new HostileRequests.Fixture(user.token(), user.id(), org, automation, webhooks, cron, event, chat);
    }

    private static String deliver(Api api, HostileRequests.Trigger trigger, String body) {
        return api.plain().contentType("application/json").headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, trigger.secret(), body, 0))
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).body(body)
                .post("/api/v2/automations/triggers/" + trigger.id() + "/webhook")
                .then().statusCode(200).header("X-Automation-Event-Id", notNullValue()).extract().header("X-Automation-Event-Id");
    }

    /** Afterwards: ready, and a fresh user, automation and signed delivery work as on day one. */
    private static void stillHealthy(Api api) {
        api.plain().get("/health/ready").then().statusCode(200);
        Api.User user = api.newUser(api.ownerToken());
        String automation = api.automation(user.token(), "00000000-0000-0000-0000-000000000001");
        api.as(user.token()).body(Map.of("status", "active")).patch("/api/experimental/automations/" + automation).then().statusCode(200);
        var created = api.as(user.token()).body(Map.of("type", "webhook")).post("/api/experimental/automations/" + automation + "/triggers")
                .then().statusCode(201).extract();
        String event = deliver(api, new HostileRequests.Trigger(created.path("id"), created.path("webhook_secret")), "{\"after\":true}");
        String status = api.as(user.token()).get("/api/experimental/automations/" + automation + "/events/" + event)
                .then().statusCode(200).extract().path("status");
        assertTrue(List.of("pending", "created").contains(status), "the delivery after the suite was recorded: " + status);
        assertEquals(200, api.as(user.token()).get("/api/v2/users/me").statusCode());
    }
}
