package dev.automations.it;

import dev.automations.platform.control.SqlDatabase;
import dev.automations.signature.SignatureScheme;
import dev.automations.signature.TestSigning;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #11's database outage suite, on PostgreSQL: an instance of its own on a PostgreSQL of its own, which the test
 * stops (a clean shutdown: connections are refused) while deliveries and admin calls go on, then starts again on the
 * same data and port. While it is down a delivery is 503 with Retry-After within 2 s, an admin call 500 or 503 (never
 * 401 or 404, which a client would act on); once it is back both work again within 10 s, without a restart.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "postgres")
class DatabaseOutageIT {

    private static final Duration ANSWER = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final int CALLS = 10;

    @Test
    void whileTheDatabaseIsDownEveryCallFailsFastAndSaysSoThenAllRecoversWithoutARestart() throws Exception {
        Path data = ItSession.dataDir().resolveSibling("outage-postgres");
        TestDatabase.deleteTree(data);
        int port = ServerProcess.freePort();
        EmbeddedPostgres postgres = start(data, port);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + TestDatabase.ROLE + " LOGIN PASSWORD '" + System.getenv("AUTOMATIONS_DB_PASSWORD") + "'");
            s.execute("CREATE DATABASE automations OWNER " + TestDatabase.ROLE);
        }
        TestServer.Boot boot = new TestServer.Boot("postgres", ServerProcess.freePort(), ItSession.logs().resolve("outage.log"),
                Map.of("automations.data-dir", ItSession.dataDir() + "-outage"),
                Map.of("AUTOMATIONS_DB_URL", "jdbc:postgresql://localhost:" + port + "/automations"));
        try (TestServer server = TestServer.start(boot)) {
            Api api = new Api(server.url());
            Hook hook = Hook.create(api, Map.of(), Map.of());
            String token = hook.user().token();
            hook.delivered("{\"before\":true}");

            postgres.close();
            List<String> slow = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                HttpResponse<String> delivery = timed(slow, () -> deliver(api, hook));
                assertEquals(503, delivery.statusCode(), "a delivery while the database is down: " + delivery.body());
                assertTrue(delivery.headers().firstValue("Retry-After").isPresent(), "a 503 delivery says when to retry");
                for (String path : List.of("/api/v2/users/me", Hook.AUTOMATIONS, hook.events())) {
                    HttpResponse<String> admin = timed(slow, () -> api.raw("GET", path, null, "Coder-Session-Token", token));
                    assertTrue(admin.statusCode() == 503 || admin.statusCode() == 500,
                            "GET " + path + " while the database is down: " + admin.statusCode() + " " + admin.body());
                    assertTrue(admin.body().contains("\"message\""), admin.body());
                }
            }
            assertTrue(slow.isEmpty(), () -> "answers slower than " + ANSWER.toSeconds() + " s: " + slow);

            postgres = start(data, port);
            long back = System.nanoTime();
            Await.until("a delivery to be recorded again", RECOVERY, () -> deliver(api, hook).statusCode() == 200);
            Await.until("the admin API to answer again", RECOVERY.minusNanos(System.nanoTime() - back),
                    () -> api.raw("GET", hook.events(), null, "Coder-Session-Token", token).statusCode() == 200);
            System.out.printf("DatabaseOutageIT: %d deliveries and %d admin calls answered while the database was down; recovered in %d ms%n",
                    CALLS, CALLS * 3, Duration.ofNanos(System.nanoTime() - back).toMillis());
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return SqlDatabase.postgres().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static HttpResponse<String> deliver(Api api, Hook hook) {
        String body = "{\"outage\":true}";
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json", "X-GitHub-Delivery", UUID.randomUUID().toString()));
        TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, hook.secret(), body, 0)
                .forEach((name, value) -> {
                    headers.add(name);
                    headers.add(value);
                });
        return api.raw("POST", "/api/v2/automations/triggers/" + hook.trigger() + "/webhook", body, headers.toArray(String[]::new));
    }

    /** The call's answer; a call slower than {@link #ANSWER} is added to {@code slow}. */
    private static HttpResponse<String> timed(List<String> slow, Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        HttpResponse<String> response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(ANSWER) > 0) {
            slow.add(response.request().method() + " " + response.request().uri().getPath() + " " + took.toMillis() + " ms");
        }
        return response;
    }
}
