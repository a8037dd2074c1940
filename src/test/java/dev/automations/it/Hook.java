package dev.automations.it;

import dev.automations.signature.SignatureScheme;
import dev.automations.signature.TestSigning;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** An automation of a fresh user with one signed webhook trigger, and what tests do with it: deliver, then wait for firing. */
record Hook(Api api, Api.User user, String automation, String name, String trigger, String secret) {

    static final String DEFAULT_ORG = "00000000-0000-0000-0000-000000000001";
    static final String AUTOMATIONS = "/api/experimental/automations";

    /** Active, instructed to review pull requests, unless {@code settings} say otherwise. */
    static Hook create(Api api, Map<String, Object> settings, Map<String, String> labelPaths) {
        Api.User user = api.newUser(api.ownerToken());
        Map<String, Object> create = new HashMap<>(settings);
        String name = "Review " + UUID.randomUUID().toString().substring(0, 6);
        create.put("name", name);
        create.put("organization_id", DEFAULT_ORG);
        create.putIfAbsent("instructions", "Review the pull request.");
        create.putIfAbsent("status", "active");
        String automation = api.as(user.token()).body(create).post(AUTOMATIONS).then().statusCode(201).extract().path("id");
        var trigger = api.as(user.token()).body(Map.of("type", "webhook", "label_paths", labelPaths))
                .post(AUTOMATIONS + "/" + automation + "/triggers").then().statusCode(201).extract();
        return new Hook(api, user, automation, name, trigger.path("id"), trigger.path("webhook_secret"));
    }

    String events() {
        return AUTOMATIONS + "/" + automation + "/events";
    }

    Response deliver(String body) {
        return deliver(body, UUID.randomUUID().toString());
    }

    Response deliver(String body, String deliveryId) {
        return api.plain().contentType("application/json").headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, secret, body, 0))
                .header("X-GitHub-Delivery", deliveryId).body(body).post("/api/v2/automations/triggers/" + trigger + "/webhook");
    }

    /** Delivers and returns the recorded event's id. */
    String delivered(String body) {
        return deliver(body).then().statusCode(200).extract().header("X-Automation-Event-Id");
    }

    Map<String, Object> event(String event) {
        return api.as(user.token()).get(events() + "/" + event).then().statusCode(200).extract().path("");
    }

    /** Firing is asynchronous: waits until the event has left {@code pending}. */
    Map<String, Object> fired(String event) {
        return Await.until("event " + event + " to be fired", Duration.ofSeconds(60), () -> event(event),
                e -> !"pending".equals(e.get("status")));
    }

    /** Waits until {@code expected} events exist and none is pending; counts them by status. */
    Map<String, Long> statuses(int expected) {
        List<Map<String, Object>> events = Await.until(expected + " fired events of " + automation, Duration.ofSeconds(90),
                () -> api.as(user.token()).get(events() + "?limit=500").then().statusCode(200).extract().<List<Map<String, Object>>>path(""),
                list -> list.size() == expected && list.stream().noneMatch(e -> "pending".equals(e.get("status"))));
        return events.stream().collect(Collectors.groupingBy(e -> (String) e.get("status"), Collectors.counting()));
    }
}
