package dev.automations.it;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §10 across a cluster: two service instances of their own, started as {@code ./run} starts one, on a database of
 * their own on the run's PostgreSQL; 200 triggers on {@code * * * * *} for two occurrences. Every occurrence must
 * leave exactly one event, and both instances must have fired some. Most of its minutes is waiting for the minutes to
 * turn, so it runs beside the other classes (the failsafe configuration); its own database keeps the run's shared
 * server out of its counts and its instances out of the other classes' rows. Its own data dir and configured secret key
 * let it boot beside the shared server instead of after it. Claim batches of 20 split each minute's 200 claims into
 * ten transactions, which the instances race for, so both fire in each minute and the second minute's claims meet
 * triggers the first minute's ticks on both instances advanced.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "postgres")
@Execution(ExecutionMode.CONCURRENT)
class CronClusterIT {

    private static final int TRIGGERS = 200;
    private static final int OCCURRENCES = 2;
    private static final Pattern FIRES = Pattern.compile("^automations_cron_fires_total (\\S+)$", Pattern.MULTILINE);

    @Test
    void twoInstancesFireEveryOccurrenceExactlyOnceBetweenThem() throws Exception {
        OwnDatabase database = OwnDatabase.create("cron_cluster");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> config = Map.of("automations.data-dir", ItSession.dataDir().resolve("cron-cluster").toString(),
                "automations.cron.claim-batch", "20");
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("AUTOMATIONS_SECRET_KEYS", "cluster:" + Base64.getEncoder().encodeToString(key));
        List<CompletableFuture<TestServer>> booting = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            int port = ServerProcess.freePort();
            TestServer.Boot boot = new TestServer.Boot("postgres", port, ItSession.logs().resolve("cluster-" + i + ".log"), config,
                    environment);
            booting.add(CompletableFuture.supplyAsync(() -> TestServer.start(boot)));
        }
        try {
            TestServer one = booting.get(0).join();
            TestServer two = booting.get(1).join();
            Api api = new Api(one.url());
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
            try (Connection c = database.connect()) {
                String last = "cron:" + first.plus(OCCURRENCES - 1, ChronoUnit.MINUTES);
                Await.until("every trigger fired " + last, Duration.ofMinutes(OCCURRENCES + 2),
                        () -> count(c, owner, "AND delivery_id = '" + last + "'") >= TRIGGERS);

                long firedByOne = fires(one);
                long firedByTwo = fires(two);
                System.out.printf("CronClusterIT: instance 1 fired %d, instance 2 fired %d occurrences%n", firedByOne, firedByTwo);
                assertTrue(firedByOne > 0 && firedByTwo > 0, "both instances fired: " + firedByOne + " and " + firedByTwo);
                for (int m = 0; m < OCCURRENCES; m++) {
                    String delivery = "cron:" + first.plus(m, ChronoUnit.MINUTES);
                    assertEquals(TRIGGERS, count(c, owner, "AND delivery_id = '" + delivery + "'"), delivery + ": one event per trigger");
                }
                assertTrue(firedByOne + firedByTwo >= (long) TRIGGERS * OCCURRENCES,
                        "the two instances fired all " + TRIGGERS * OCCURRENCES + ": " + firedByOne + " and " + firedByTwo);
                // The first occurrence had a minute of ticks on both instances to be fired twice.
                assertEquals(0, count(c, owner, "GROUP BY trigger_id, delivery_id HAVING COUNT(*) > 1"), "no occurrence twice");
            }
        } finally {
            for (CompletableFuture<TestServer> instance : booting) {
                TestServer server = instance.handle((started, failedToStart) -> started).join();
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    private static long fires(TestServer server) {
        String metrics = RestAssured.given().baseUri(server.url().toString()).get("/metrics").asString();
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
