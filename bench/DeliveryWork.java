import dev.automations.filter.Filter;
import dev.automations.filter.LabelPaths;
import dev.automations.platform.control.SqlDatabase;
import dev.automations.platform.entity.JsonText;
import dev.automations.platform.entity.TimeOrderedIds;
import dev.automations.signature.SignatureScheme;
import dev.automations.webhook.control.Payload;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a webhook delivery's own work costs with nothing around it (#16): no HTTP, no container, no JPA or JTA. The
 * service's own classes verify the benchmark's signed 12.9 KB GitHub deliveries ({@link SignatureScheme}), parse them
 * ({@link Payload}), filter and label them ({@link Filter}, {@link LabelPaths}, the benchmark trigger's rules), and plain
 * JDBC appends their events and payloads to the project's own schema in groups of GROUP, one commit each, durably: H2 in a
 * file with {@code WRITE_DELAY=0} as the service runs it, or zonky's PostgreSQL with {@code synchronous_commit=on}.
 * Each step runs over all N deliveries on one thread. It prints, per delivery, the thread's CPU and the whole machine's
 * ({@code /proc/stat}: PostgreSQL's processes, the collector and the kernel count too), and the bytes this JVM wrote to
 * storage (H2's), after rounds that are not reported, for the JIT. Run it on an idle machine:
 * {@code JAVA_OPTS="-Xmx1g -XX:+UseParallelGC" bench/java.sh DeliveryWork [h2|postgres] [N] [GROUP]} (h2, 10 000, 16;
 * 16 is about the service's mean group under the webhook benchmark). {@code -Dh2=";SETTING=VALUE"} in JAVA_OPTS adds
 * settings to H2's URL.
 */
public class DeliveryWork {

    static final String FILTER = "{\"header:X-GitHub-Event\":\"issue_comment\",\"action\":\"created\","
            + "\"comment.body\":{\"$regex\":\"(^|\\\\s)@bot\\\\b\"}}";
    static final String LABEL_PATHS = "{\"repository\":\"repository.full_name\",\"issue\":\"issue.number\"}";
    static final String SECRET = "bench-secret-0123456789abcdef";

    /** All but the last unreported, for the JIT. */
    static final int ROUNDS = 3;
    /** Deliveries parsed before their filter runs, so the two are timed apart without every tree held at once. */
    static final int CHUNK = 500;

    record Delivery(byte[] body, Map<String, String> headers) {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
        String database = args.length > 0 ? args[0] : "h2";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int group = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        switch (database) {
            case "h2" -> {
                Path dir = Files.createTempDirectory("delivery-work");
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:file:" + dir + "/automations;LOCK_TIMEOUT=10000;WRITE_DELAY=0" + System.getProperty("h2", ""));
                try {
                    run(h2, n, group);
                } finally {
                    try (var files = Files.walk(dir)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
            case "postgres" -> {
                try (EmbeddedPostgres postgres = SqlDatabase.postgres().setServerConfig("synchronous_commit", "on").start()) {
                    run(postgres.getPostgresDatabase(), n, group);
                }
            }
            default -> throw new IllegalArgumentException("usage: DeliveryWork [h2|postgres] [N] [GROUP]");
        }
    }

    static void run(DataSource db, int n, int group) throws Exception {
        SqlDatabase.migrate(db);
        UUID automation;
        try (Connection c = db.getConnection()) {
            automation = SqlDatabase.seedAutomation(c);
        }
        System.out.printf("delivery: %d bytes, %d deliveries, groups of %d, %d cores%n",
                deliveries(1, 0).get(0).body().length, n, group, Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < ROUNDS; round++) {
            round(db, automation, n, group, round * n, round == ROUNDS - 1);
        }
    }

    static void round(DataSource db, UUID automation, int n, int group, int offset, boolean report) throws Exception {
        List<Delivery> deliveries = deliveries(n, offset);
        Filter filter = Filter.parse(JsonText.read(FILTER));
        LabelPaths labelPaths = LabelPaths.parse(JsonText.read(LABEL_PATHS));
        List<String> secrets = List.of(SECRET);
        Instant now = Instant.now();
        Cpu verify = cpu(0, n, i -> {
            Delivery d = deliveries.get(i);
            if (!SignatureScheme.HMAC_SHA256.verify(secrets, d.body(), d.headers(), now).valid()) {
                throw new IllegalStateException("not verified");
            }
        });
        String[] labels = new String[n];
        String[] stored = new String[n];
        Cpu parse = new Cpu(0, 0);
        Cpu judge = new Cpu(0, 0);
        Payload[] parsed = new Payload[CHUNK];
        for (int from = 0; from < n; from += CHUNK) {
            int start = from;
            int end = Math.min(n, from + CHUNK);
            parse = parse.plus(cpu(start, end, i -> parsed[i - start] = Payload.of(deliveries.get(i).body(), "application/json")));
            judge = judge.plus(cpu(start, end, i -> {
                Payload payload = parsed[i - start];
                Map<String, String> headers = deliveries.get(i).headers();
                if (!filter.evaluate(payload.json(), headers).matched()) {
                    throw new IllegalStateException("filtered");
                }
                var json = JsonText.JSON.createObjectBuilder();
                labelPaths.resolve(payload.json(), headers).forEach(json::add);
                labels[i] = json.build().toString();
                stored[i] = payload.stored();
            }));
        }
        UUID trigger = UUID.randomUUID();
        Cpu write;
        double writtenKb;
        try (Connection c = db.getConnection();
             PreparedStatement event = c.prepareStatement("INSERT INTO automation_events (id, automation_id, trigger_id, "
                     + "delivery_id, received_at, raw_payload, filter_matched, resolved_labels, status, signature_verified, "
                     + "verified_with) VALUES (?, ?, ?, ?, ?, FALSE, TRUE, ?, 'pending', TRUE, 'current')");
             PreparedStatement payload = c.prepareStatement("INSERT INTO automation_event_payloads (event_id, payload) VALUES (?, ?)")) {
            c.setAutoCommit(false);
            long written = EventRows.writtenBytes();
            write = cpu(0, n, i -> {
                try {
                    UUID id = TimeOrderedIds.at(Instant.now());
                    event.setObject(1, id);
                    event.setObject(2, automation);
                    event.setObject(3, trigger);
                    event.setString(4, deliveries.get(i).headers().get("X-GitHub-Delivery"));
                    event.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                    event.setString(6, labels[i]);
                    event.addBatch();
                    payload.setObject(1, id);
                    payload.setString(2, stored[i]);
                    payload.addBatch();
                    if ((i + 1) % group == 0 || i == n - 1) {
                        event.executeBatch();
                        payload.executeBatch();
                        c.commit();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writtenKb = (EventRows.writtenBytes() - written) / 1024.0 / n;
        }
        if (report) {
            System.out.printf("CPU per delivery, µs, this thread's (the machine's): verify %s, parse %s, filter and labels %s, "
                    + "durable write %s; all %s; this JVM wrote %.0f KB to storage per delivery%n", verify.per(n), parse.per(n),
                    judge.per(n), write.per(n), verify.plus(parse).plus(judge).plus(write).per(n), writtenKb);
        }
    }

    /** CPU in microseconds: the calling thread's, and the whole machine's (every core, every process, the collector too). */
    record Cpu(double thread, double machine) {
        Cpu per(int deliveries) {
            return new Cpu(thread / deliveries, machine / deliveries);
        }

        Cpu plus(Cpu other) {
            return new Cpu(thread + other.thread, machine + other.machine);
        }

        @Override
        public String toString() {
            return String.format("%.0f (%.0f)", thread, machine);
        }
    }

    /** @return the CPU that {@code step} took for deliveries {@code from} to {@code to}, all of it */
    static Cpu cpu(int from, int to, IntConsumer step) {
        long machine = machineTicks();
        long thread = THREADS.getCurrentThreadCpuTime();
        for (int i = from; i < to; i++) {
            step.accept(i);
        }
        return new Cpu((THREADS.getCurrentThreadCpuTime() - thread) / 1e3,
                (machineTicks() - machine) * 1e6 / WebhookThroughput.Cpu.TICKS);
    }

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Busy clock ticks of all cores since boot (user, nice, system, irq, softirq, steal), from {@code /proc/stat}. */
    static long machineTicks() {
        String[] cpu;
        try {
            cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(cpu[field]);
        }
        return busy;
    }

    static List<Delivery> deliveries(int n, int offset) {
        List<Delivery> deliveries = new ArrayList<>(n);
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        for (int i = offset; i < offset + n; i++) {
            byte[] body = WebhookThroughput.GitHub.issueComment(1000 + i % WebhookThroughput.ISSUES, i)
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.put("Content-Type", "application/json");
            headers.put("X-GitHub-Event", "issue_comment");
            headers.put("X-GitHub-Delivery", UUID.randomUUID().toString());
            headers.put("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(WebhookThroughput.hmac(secret, body)));
            deliveries.add(new Delivery(body, headers));
        }
        return deliveries;
    }
}
