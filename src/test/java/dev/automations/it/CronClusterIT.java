package dev.automations.it;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §10 across a cluster: two service instances, started as {@code ./run} starts one, on one PostgreSQL;
 * 200 triggers on {@code * * * * *} for three occurrences. Every occurrence must leave exactly one event,
 * and both instances must have fired some.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "postgres")
class CronClusterIT {

    private static final int TRIGGERS = 200;
    private static final int OCCURRENCES = 3;
    private static final Pattern FIRES = Pattern.compile("^automations_cron_fires_total\\{[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);

    @Test
    void twoInstancesFireEveryOccurrenceExactlyOnceBetweenThem() throws Exception {
        List<ServiceProcess> instances = new ArrayList<>();
        try {
            int[] ports = {18181, 18182};
            // The integration tests' data dir: its generated secret key is the one earlier classes sealed secrets under.
            Path data = Path.of(System.getProperty("it.dataDir"));
            for (int port : ports) {
                instances.add(ServiceProcess.start(port, data, Map.of(), Map.of()));
            }
            instances.forEach(ServiceProcess::awaitReady);
            Api api = new Api(instances.get(0).url());
            Api.User user = api.newUser(api.ownerToken());
            String token = user.token();
            // 20 triggers is the cap per automation (§5), so the 200 are spread over 10 automations.
            for (int a = 0; a < TRIGGERS / 20; a++) {
                String automation = api.automation(token, "00000000-0000-0000-0000-000000000001");
                api.as(token).body(Map.of("status", "active", "max_messages_per_hour", 1000, "max_chat_creates_per_hour", 1000))
                        .patch("/api/experimental/automations/" + automation).then().statusCode(200);
                for (int i = 0; i < 20; i++) {
                    api.as(token).body(Map.of("type", "cron", "cron_schedule", "* * * * *", "label_paths", Map.of("s", "schedule")))
                            .post("/api/experimental/automations/" + automation + "/triggers").then().statusCode(201);
                }
            }
            String owner = user.id();
            Instant first = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            Instant last = first.plus(OCCURRENCES - 1, ChronoUnit.MINUTES);
            Thread.sleep(Math.max(0, last.plusSeconds(20).toEpochMilli() - System.currentTimeMillis()));

            long fires = fires(ports[0]) + fires(ports[1]);
            System.out.printf("CronClusterIT: instance 1 fired %d, instance 2 fired %d occurrences%n", fires(ports[0]), fires(ports[1]));
            assertTrue(fires(ports[0]) > 0 && fires(ports[1]) > 0, "both instances fired: " + fires(ports[0]) + " and " + fires(ports[1]));
            try (Connection c = DriverManager.getConnection(System.getenv("AUTOMATIONS_DB_URL"), System.getenv("AUTOMATIONS_DB_USER"),
                    System.getenv("AUTOMATIONS_DB_PASSWORD"))) {
                for (int m = 0; m < OCCURRENCES; m++) {
                    String delivery = "cron:" + first.plus(m, ChronoUnit.MINUTES);
                    assertEquals(TRIGGERS, count(c, owner, "AND delivery_id = '" + delivery + "'"), delivery + ": one event per trigger");
                }
                // The instances also fire earlier tests' triggers that are still due in this shared database, so their
                // counters cover at least this owner's occurrences; exactness is asserted per occurrence above and below.
                assertTrue(fires >= (long) TRIGGERS * OCCURRENCES, "the two instances fired all " + TRIGGERS * OCCURRENCES + ": " + fires);
                assertEquals(0, count(c, owner, "GROUP BY trigger_id, delivery_id HAVING COUNT(*) > 1"), "no occurrence twice");
            }
        } finally {
            for (ServiceProcess instance : instances) {
                instance.close();
            }
        }
    }

    private static long fires(int port) {
        String metrics = RestAssured.given().baseUri("http://localhost:" + port).get("/metrics").asString();
        Matcher m = FIRES.matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    /** Counts the events of one owner's automations. */
    private static long count(Connection c, String owner, String condition) throws Exception {
        String events = "FROM automation_events WHERE automation_id IN (SELECT id FROM automations WHERE owner_id = ?) ";
        String sql = condition.startsWith("GROUP BY")
                ? "SELECT COUNT(*) FROM (SELECT 1 " + events + condition + ") d"
                : "SELECT COUNT(*) " + events + condition;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(owner));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
