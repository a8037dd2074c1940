import dev.automations.platform.entity.TimeOrderedIds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Why V15 keeps payloads apart from events (#16), on embedded H2 as the service uses it: THREADS threads insert N events
 * with 12.9 KB payloads, one transaction each, as deliveries do, while one thread changes pending events' status in groups
 * of 200, as firing does. For each layout (payload inline in the event row, as a CLOB, in a table of its own; "ordered": in
 * a table of its own, with time-ordered ids, {@code TimeOrderedIds}, instead of random ones) it prints
 * the inserts/s, the status changes/s while inserts run, how long the rest took, and the bytes written and kept, after
 * a smaller unreported round of each.
 * H2 writes each commit before it returns ({@code WRITE_DELAY=0}), as the service's H2 does since the ninth round.
 * {@code bench/java.sh EventRows [N] [THREADS] [LAYOUT...]} (20 000, 8 and every layout).
 */
public class EventRows {

    static final String PAYLOAD = "{\"action\":\"created\",\"comment\":{\"body\":\"" + "lorem ipsum dolor sit amet ".repeat(478) + "\"}}";
    static final int GROUP = 200;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<String> layouts = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("inline", "clob", "table", "ordered");
        // Each layout once small and unreported first, so that none is measured with a colder JIT than the others.
        for (String layout : layouts) {
            run(layout, n / 10, threads, false);
        }
        for (String layout : layouts) {
            run(layout, n, threads, true);
        }
    }

    static void run(String layout, int n, int threads, boolean report) throws Exception {
        Path dir = Path.of("target/bench/event-rows-" + layout).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String url = "jdbc:h2:file:" + dir + "/events;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE automation_events (id UUID PRIMARY KEY, automation_id UUID NOT NULL, trigger_id UUID NOT NULL, "
                    + "delivery_id VARCHAR(200), received_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + (apart(layout) ? "" : "payload " + (layout.equals("clob") ? "CLOB" : "VARCHAR(1048576)") + " NOT NULL, ")
                    + "resolved_labels VARCHAR(65536), status VARCHAR(16) NOT NULL, error VARCHAR(1024), "
                    + "fired_at TIMESTAMP WITH TIME ZONE, UNIQUE (trigger_id, delivery_id))");
            s.execute("CREATE INDEX by_automation ON automation_events (automation_id, received_at DESC, id DESC)");
            s.execute("CREATE INDEX by_received ON automation_events (received_at)");
            s.execute("CREATE INDEX by_status ON automation_events (status, received_at)");
            s.execute("CREATE INDEX by_window ON automation_events (automation_id, status, fired_at)");
            if (apart(layout)) {
                s.execute("CREATE TABLE automation_event_payloads (event_id UUID PRIMARY KEY REFERENCES automation_events (id) "
                        + "ON DELETE CASCADE, payload VARCHAR(1048576) NOT NULL)");
            }
        }
        UUID automation = UUID.randomUUID();
        ConcurrentLinkedQueue<UUID> pending = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        long written = writtenBytes();
        long started = System.nanoTime();
        ExecutorService inserters = Executors.newFixedThreadPool(threads);
        List<Future<?>> inserts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            inserts.add(inserters.submit(() -> insert(url, layout, automation, n, next, pending)));
        }
        Thread firing = new Thread(() -> changeStatus(url, automation, n, pending, changed));
        firing.setDaemon(true);
        firing.start();
        for (Future<?> insert : inserts) {
            insert.get();
        }
        double insertSeconds = (System.nanoTime() - started) / 1e9;
        int changedMeanwhile = changed.get();
        firing.join();
        inserters.shutdown();
        if (!report) {
            return;
        }
        System.out.printf("%-7s %d events, %d threads: %.0f inserts/s; status changed meanwhile %d (%.0f/s), the rest "
                        + "%.1f s later; %.0f MB written, file %d MB%n", layout, n, threads, n / insertSeconds, changedMeanwhile,
                changedMeanwhile / insertSeconds, (System.nanoTime() - started) / 1e9 - insertSeconds,
                (writtenBytes() - written) / 1e6, Files.size(dir.resolve("events.mv.db")) / 1_000_000);
    }

    static Void insert(String url, String layout, UUID automation, int n, AtomicInteger next, ConcurrentLinkedQueue<UUID> pending)
            throws Exception {
        boolean apart = apart(layout);
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement event = c.prepareStatement("INSERT INTO automation_events (id, automation_id, trigger_id, "
                     + "delivery_id, received_at, resolved_labels, status" + (apart ? "" : ", payload") + ") VALUES (?, ?, ?, ?, ?, ?, "
                     + "'pending'" + (apart ? "" : ", ?") + ")");
             PreparedStatement payload = apart ? c.prepareStatement("INSERT INTO automation_event_payloads (event_id, payload) "
                     + "VALUES (?, ?)") : null) {
            c.setAutoCommit(false);
            UUID trigger = UUID.randomUUID();
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                UUID id = layout.equals("ordered") ? TimeOrderedIds.at(Instant.now()) : UUID.randomUUID();
                event.setObject(1, id);
                event.setObject(2, automation);
                event.setObject(3, trigger);
                event.setString(4, "delivery-" + i);
                event.setObject(5, OffsetDateTime.now());
                event.setString(6, "{\"issue\":\"" + i % 50 + "\"}");
                if (!apart) {
                    event.setString(7, PAYLOAD);
                }
                event.executeUpdate();
                if (apart) {
                    payload.setObject(1, id);
                    payload.setString(2, PAYLOAD);
                    payload.executeUpdate();
                }
                c.commit();
                pending.add(id);
            }
        }
        return null;
    }

    /** What firing does once an hour's messages are used up: one UPDATE per group, reading no payload. */
    static void changeStatus(String url, UUID automation, int n, ConcurrentLinkedQueue<UUID> pending, AtomicInteger changed) {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            while (changed.get() < n) {
                List<UUID> group = new ArrayList<>();
                for (UUID id; group.size() < GROUP && (id = pending.poll()) != null; ) {
                    group.add(id);
                }
                if (group.isEmpty()) {
                    Thread.sleep(5);
                    continue;
                }
                String ids = String.join(",", Collections.nCopies(group.size(), "?"));
                try (PreparedStatement s = c.prepareStatement("UPDATE automation_events SET status = 'rate_limited', "
                        + "fired_at = CURRENT_TIMESTAMP, error = 'limit' WHERE automation_id = ? AND status = 'pending' AND id IN (" + ids + ")")) {
                    s.setObject(1, automation);
                    for (int k = 0; k < group.size(); k++) {
                        s.setObject(k + 2, group.get(k));
                    }
                    changed.addAndGet(s.executeUpdate());
                }
                c.commit();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean apart(String layout) {
        return layout.equals("table") || layout.equals("ordered");
    }

    /** Bytes this process has written to storage (/proc/self/io). */
    static long writtenBytes() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/io")).stream().filter(l -> l.startsWith("write_bytes"))
                .mapToLong(l -> Long.parseLong(l.split(" ")[1])).findFirst().orElse(0);
    }
}
