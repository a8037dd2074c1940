package dev.automations.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §10 firing on a real Payara Micro: the tick, the envelope, statuses, missed-run collapse and enabling. */
class CronIT extends ServiceIT {

    private static final String DEFAULT_ORG = "00000000-0000-0000-0000-000000000001";
    private static final String AUTOMATIONS = "/api/experimental/automations";

    private record Cron(Api api, String token, String automation, String trigger) {
        List<Map<String, Object>> events() {
            return api.as(token).get(AUTOMATIONS + "/" + automation + "/events").then().statusCode(200).extract().path("");
        }
    }

    private Cron cron(Api api, String token, String status) {
        String automation = api.automation(token, DEFAULT_ORG);
        api.as(token).body(Map.of("status", status, "max_messages_per_hour", 1000, "max_chat_creates_per_hour", 1000))
                .patch(AUTOMATIONS + "/" + automation).then().statusCode(200);
        String trigger = api.as(token).body(Map.of("type", "cron", "cron_schedule", "* * * * *", "label_paths", Map.of("s", "schedule")))
                .post(AUTOMATIONS + "/" + automation + "/triggers").then().statusCode(201).extract().path("id");
        return new Cron(api, token, automation, trigger);
    }

    /** Five unlabelled triggers of one automation allowed two chats an hour: one batch, one firing group. */
    private Cron limited(Api api, String token) {
        String automation = api.automation(token, DEFAULT_ORG);
        api.as(token).body(Map.of("status", "active", "max_messages_per_hour", 1000, "max_chat_creates_per_hour", 2))
                .patch(AUTOMATIONS + "/" + automation).then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            api.as(token).body(Map.of("type", "cron", "cron_schedule", "* * * * *")).post(AUTOMATIONS + "/" + automation + "/triggers")
                    .then().statusCode(201);
        }
        return new Cron(api, token, automation, null);
    }

    /** Waits until the cron trigger has fired {@code count} events, each settled in one of {@code settledStatuses}. */
    private static List<Map<String, Object>> await(Cron cron, int count, String... settledStatuses) {
        return Await.until(count + " events of " + cron.automation() + " are " + String.join(" or ", settledStatuses), Duration.ofSeconds(90),
                cron::events, events -> events.size() >= count && events.stream().allMatch(e -> List.of(settledStatuses).contains(e.get("status"))));
    }

    @Test
    void everyMinuteFiresOnceWithTheEnvelopeForActiveAndPreviewButNotDisabled() {
        Api api = api();
        String token = api.newUser(api.ownerToken()).token();
        // Before the triggers exist: their setup may cross a minute boundary on a loaded machine.
        Instant created = Instant.now();
        Cron active = cron(api, token, "active");
        Cron preview = cron(api, token, "preview");
        Cron disabled = cron(api, token, "disabled");
        Cron limited = limited(api, token);

        Map<String, Object> event = await(active, 1, "created").get(0);
        Instant occurrence = Instant.parse((String) ((Map<?, ?>) event.get("payload")).get("scheduled_at"));
        assertTrue(occurrence.isAfter(created) && occurrence.equals(occurrence.truncatedTo(ChronoUnit.MINUTES)), occurrence::toString);
        assertEquals("cron:" + occurrence, event.get("delivery_id"));
        assertEquals(true, event.get("filter_matched"));
        Map<?, ?> payload = (Map<?, ?>) event.get("payload");
        assertEquals(List.of("fired_at", "schedule", "scheduled_at", "trigger"), payload.keySet().stream().map(Object::toString).sorted().toList());
        assertEquals("cron", payload.get("trigger"));
        assertEquals("* * * * *", payload.get("schedule"));
        assertTrue(!Instant.parse((String) payload.get("fired_at")).isBefore(occurrence));
        assertEquals(Map.of("s", "* * * * *"), event.get("resolved_labels"));
        assertNotNull(api.as(token).get(AUTOMATIONS + "/" + active.automation() + "/triggers/" + active.trigger()).then()
                .extract().path("last_triggered_at"));

        assertEquals("preview", await(preview, 1, "preview").get(0).get("status"));
        assertEquals(0, disabled.events().size(), "occurrences while disabled are never fired");
        assertEquals(1, active.events().stream().filter(e -> ("cron:" + occurrence).equals(e.get("delivery_id"))).count());

        List<Map<String, Object>> fired = await(limited, 5, "created", "rate_limited");
        Object firstOccurrence = fired.get(fired.size() - 1).get("delivery_id");
        List<Map<String, Object>> firstMinute = fired.stream().filter(e -> firstOccurrence.equals(e.get("delivery_id"))).toList();
        assertEquals(5, firstMinute.size(), "one event per trigger for the occurrence");
        assertEquals(2, firstMinute.stream().filter(e -> "created".equals(e.get("status"))).count(), "the creation limit holds within a group");
        assertEquals(3, firstMinute.stream().filter(e -> "rate_limited".equals(e.get("status"))).count());
    }

    /** A trigger whose occurrences were missed (no instance running) fires once, for the latest of them. */
    @Test
    @EnabledIfSystemProperty(named = "it.db", matches = "postgres")
    void missedOccurrencesCollapseAndEnablingSchedulesFromThatMoment() throws SQLException {
        Api api = api();
        String token = api.newUser(api.ownerToken()).token();
        Cron missed = cron(api, token, "active");
        Cron later = cron(api, token, "disabled");
        try (Connection c = TestDatabase.connect()) {
            assertEquals(null, nextFireAt(c, later.trigger()), "a disabled automation's trigger is never due");
            try (PreparedStatement s = c.prepareStatement("UPDATE automation_triggers SET next_fire_at = ? WHERE id = ?")) {
                s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).truncatedTo(ChronoUnit.MINUTES));
                s.setObject(2, UUID.fromString(missed.trigger()));
                s.executeUpdate();
            }
            Instant beforeTick = Instant.now();
            Map<String, Object> event = await(missed, 1, "created").get(0);
            Instant scheduled = Instant.parse((String) ((Map<?, ?>) event.get("payload")).get("scheduled_at"));
            assertEquals(beforeTick.truncatedTo(ChronoUnit.MINUTES), scheduled.isAfter(beforeTick) ? scheduled.minus(1, ChronoUnit.MINUTES) : scheduled,
                    "the latest missed occurrence, not the first");
            assertTrue(missed.events().size() <= 2, "one firing for all the missed ones, not ten");
            // The claim advances the trigger in the transaction that records the event: last fired then, due a minute after.
            Instant[] fireTimes = fireTimes(c, missed.trigger());
            Map<?, ?> last = missed.events().stream().map(e -> (Map<?, ?>) e.get("payload"))
                    .filter(p -> fireTimes[1].equals(Instant.parse((String) p.get("fired_at")))).findFirst().orElseThrow();
            assertEquals(Instant.parse((String) last.get("scheduled_at")).plus(1, ChronoUnit.MINUTES), fireTimes[0]);

            Instant enabling = Instant.now();
            api.as(token).body(Map.of("status", "active")).patch(AUTOMATIONS + "/" + later.automation()).then().statusCode(200);
            Instant next = nextFireAt(c, later.trigger());
            assertEquals(enabling.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES), next);
        }
    }

    /** The trigger's next_fire_at and last_triggered_at, read together (null where unset). */
    private static Instant[] fireTimes(Connection c, String trigger) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT next_fire_at, last_triggered_at FROM automation_triggers WHERE id = ?")) {
            s.setObject(1, UUID.fromString(trigger));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Instant[] {instant(r.getObject(1, OffsetDateTime.class)), instant(r.getObject(2, OffsetDateTime.class))};
            }
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static Instant nextFireAt(Connection c, String trigger) throws SQLException {
        return fireTimes(c, trigger)[0];
    }
}
