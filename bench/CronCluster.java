import dev.automations.it.Api;
import dev.automations.platform.control.SqlDatabase;
import io.restassured.RestAssured;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Issue #16's cluster figure (§2, §10): three service instances started as {@code ./run} starts one, on one PostgreSQL,
 * 10 000 cron triggers on {@code * * * * *}, for {@code --minutes} minutes (default 10). Reports whether every occurrence
 * left exactly one event, how the firings spread over the instances, and the cron lag: the commit time of the
 * transaction that recorded the occurrence's event minus the occurrence. Run with bench/cron-cluster.sh, which documents
 * the method and how to read the output; exits 1 when an occurrence is missing or recorded twice.
 */
public class CronCluster {

    static final int INSTANCES = 3;
    /** 20 triggers is the cap per automation (§5): the fewest automations, so the most triggers per automation lock. */
    static final int AUTOMATIONS = 500;
    static final int PER_AUTOMATION = 20;
    /** 100 automations each, the default {@code automations.max-per-owner}. */
    static final int OWNERS = 5;
    static final Pattern FIRES = Pattern.compile("^automations_cron_fires_total (\\S+)$", Pattern.MULTILINE);

    static int basePort;

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 1 && args[0].equals("--minutes") ? Integer.parseInt(args[1]) : 10;
        int pgPort = Integer.parseInt(System.getenv().getOrDefault("PG_PORT", "54340"));
        basePort = Integer.parseInt(System.getenv().getOrDefault("PORT", "18391"));
        String javaOpts = System.getenv().getOrDefault("JAVA_OPTS", "");
        boolean exactlyOnce;
        // Durable commits, as in production: zonky's defaults (fsync and synchronous_commit off) would flatter every commit.
        try (EmbeddedPostgres pg = SqlDatabase.postgres().setPort(pgPort).setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("track_commit_timestamp", "on").start()) {
            String url = CronScale.database(pg);
            List<Process> instances = new ArrayList<>();
            try {
                // One after the other: the first migrates the schema and generates the secret key file the others read, and
                // on a loaded machine two booting together timed out opening their database connections (2 s, post-boot).
                for (int i = 0; i < INSTANCES; i++) {
                    instances.add(start(url, i, javaOpts));
                }
                try (Connection c = DriverManager.getConnection(url, "automations", "bench")) {
                    System.out.printf("%d instances ready on 127.0.0.1:%d-%d, PostgreSQL %s on 127.0.0.1:%d, %d cores%n", INSTANCES, basePort,
                            basePort + INSTANCES - 1, c.getMetaData().getDatabaseProductVersion(), pgPort, Runtime.getRuntime().availableProcessors());
                    exactlyOnce = run(c, minutes);
                }
            } finally {
                instances.forEach(Process::destroy);
                for (Process instance : instances) {
                    instance.waitFor();
                }
            }
        }
        System.exit(exactlyOnce ? 0 : 1);
    }

    static Process start(String url, int instance, String javaOpts) throws Exception {
        return CronScale.start(url, basePort + instance, Path.of("target/bench/data"), Path.of("target/bench/cron-cluster-" + (instance + 1) + ".log"),
                javaOpts.replace("{instance}", String.valueOf(instance + 1)));
    }

    static boolean run(Connection c, int minutes) throws Exception {
        Api api = new Api(new URL(base(0)));
        String siteOwner = api.ownerToken();
        List<UUID> owners = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            owners.add(UUID.fromString(api.newUser(siteOwner).id()));
        }
        Instant first = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        List<UUID> triggers = CronScale.seed(c, owners, AUTOMATIONS, PER_AUTOMATION, "* * * * *", first.atOffset(ZoneOffset.UTC), null);
        System.out.printf("seeded %d triggers on * * * * * in %d active automations of %d owners, first due %s, %d minutes%n",
                triggers.size(), AUTOMATIONS, OWNERS, first, minutes);
        // Per minute: the occurrences committed by the minute's read, and their lag.
        System.out.println("minute  committed  lag p50    p99      max     fired by instance   load average");
        List<Double> lags = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        long[] before = fires();
        long[] start = before.clone();
        List<Double> loads = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            Instant minute = first.plus(m, ChronoUnit.MINUTES);
            List<Double> minuteLags = committed(c, minute, triggers.size());
            lags.addAll(minuteLags);
            if (m > 0) {
                warm.addAll(minuteLags);
                warm.addAll(Collections.nCopies(triggers.size() - minuteLags.size(), Double.POSITIVE_INFINITY));
            }
            long[] after = fires();
            String load = WebhookThroughput.loadAverage();
            loads.add(Double.parseDouble(load.split(" ")[0]));
            StringBuilder spread = new StringBuilder();
            for (int i = 0; i < INSTANCES; i++) {
                spread.append(String.format("%6d", after[i] - before[i]));
            }
            before = after;
            Collections.sort(minuteLags);
            System.out.printf("%s   %6d  %6.2f s %6.2f s %6.2f s  %s   %s%n", minute.toString().substring(11, 16),
                    minuteLags.size(), percentile(minuteLags, 0.5), percentile(minuteLags, 0.99), max(minuteLags), spread, load);
        }
        Instant last = first.plus(minutes - 1, ChronoUnit.MINUTES);
        List<String> window = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            window.add("cron:" + first.plus(m, ChronoUnit.MINUTES));
        }
        awaitFired(c, window, last.plusSeconds(58));
        return report(c, triggers, window, lags, warm, start, fires(), loads);
    }

    /**
     * Waits until no trigger is due at {@code minute} any more (or 58 s after it), then reads each trigger's last claim:
     * a trigger now next due a minute later was claimed for {@code minute}, and its row was written by the transaction
     * that recorded the occurrence's event. That transaction's commit time, from PostgreSQL's
     * {@code track_commit_timestamp}, minus the minute is the occurrence's lag, in seconds.
     */
    static List<Double> committed(Connection c, Instant minute, int triggers) throws Exception {
        Thread.sleep(Math.max(0, minute.toEpochMilli() - System.currentTimeMillis()));
        Instant deadline = minute.plusSeconds(58);
        while (Instant.now().isBefore(deadline) && count(c, "SELECT COUNT(*) FROM automation_triggers WHERE next_fire_at <= ?", minute) > 0) {
            Thread.sleep(200);
        }
        List<Double> lags = new ArrayList<>(triggers);
        try (PreparedStatement s = c.prepareStatement("SELECT pg_xact_commit_timestamp(xmin) FROM automation_triggers WHERE next_fire_at = ?")) {
            s.setObject(1, minute.plus(1, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lags.add(seconds(minute, r.getObject(1, OffsetDateTime.class)));
                }
            }
        }
        return lags;
    }

    /** Waits until the window's events have all been fired (none pending), or until {@code deadline}. */
    static void awaitFired(Connection c, List<String> window, Instant deadline) throws Exception {
        String sql = "SELECT COUNT(*) FROM automation_events WHERE status = 'pending' AND delivery_id = ANY (?)";
        while (Instant.now().isBefore(deadline)) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, c.createArrayOf("text", window.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        return;
                    }
                }
            }
            Thread.sleep(500);
        }
    }

    static boolean report(Connection c, List<UUID> triggers, List<String> window, List<Double> lags, List<Double> warm, long[] start,
                          long[] end, List<Double> loads) throws Exception {
        Map<String, Long> events = new HashMap<>();
        long outside = 0;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT trigger_id, delivery_id, COUNT(*) FROM automation_events "
                + "WHERE delivery_id LIKE 'cron:%' GROUP BY trigger_id, delivery_id")) {
            while (r.next()) {
                if (window.contains(r.getString(2))) {
                    events.put(r.getObject(1) + " " + r.getString(2), r.getLong(3));
                } else {
                    outside++;
                }
            }
        }
        long missing = 0;
        long twice = 0;
        for (UUID trigger : triggers) {
            for (String occurrence : window) {
                long n = events.getOrDefault(trigger + " " + occurrence, 0L);
                missing += n == 0 ? 1 : 0;
                twice += n > 1 ? 1 : 0;
            }
        }
        long expected = (long) triggers.size() * window.size();
        System.out.printf("occurrences: %d expected (%d triggers x %d minutes), %d missing, %d recorded more than once%s%n",
                expected, triggers.size(), window.size(), missing, twice,
                outside == 0 ? "" : "; " + outside + " of later minutes left out");
        long total = 0;
        StringBuilder spread = new StringBuilder();
        for (int i = 0; i < INSTANCES; i++) {
            total += end[i] - start[i];
        }
        for (int i = 0; i < INSTANCES; i++) {
            spread.append(String.format("%s instance %d %d (%.0f %%)", i == 0 ? "" : ",", i + 1, end[i] - start[i],
                    100.0 * (end[i] - start[i]) / Math.max(1, total)));
        }
        System.out.printf("fired by instance (automations_cron_fires_total):%s; %d in all%n", spread, total);
        // Occurrences recorded after their minute's read (58 s) have no measured lag, only "more than 58 s": they count
        // as such, so that an overloaded run cannot report the lag of its fast occurrences alone.
        long recorded = expected - missing;
        long late = recorded - lags.size();
        for (long i = 0; i < late; i++) {
            lags.add(Double.POSITIVE_INFINITY);
        }
        Collections.sort(lags);
        System.out.printf("cron lag, event committed minus occurrence, over the %d recorded (%d of them after their minute's read, "
                        + "counted as > 58 s): p50 %s, p99 %s, max %s (target p99 <= 2 s: %s)%n", recorded, late, lag(percentile(lags, 0.5)),
                lag(percentile(lags, 0.99)), lag(max(lags)), percentile(lags, 0.99) <= 2 ? "met" : "missed");
        // The first minute runs the claim path on cold JVMs (interpreted, then compiled while it runs); a service that has
        // been up for a while runs the later minutes' way. Both figures, never the second alone.
        Collections.sort(warm);
        if (!warm.isEmpty()) {
            System.out.printf("cron lag without the first minute (JVMs warm), over its %d occurrences (any not committed by their "
                    + "minute's read counted as > 58 s): p50 %s, p99 %s, max %s%n", warm.size(), lag(percentile(warm, 0.5)),
                    lag(percentile(warm, 0.99)), lag(max(warm)));
        }
        List<Double> fired = firedLags(c, window);
        System.out.printf("fired, chat created and event updated, minus occurrence, %d events: p50 %.2f s, p99 %.2f s, max %.2f s%n",
                fired.size(), percentile(fired, 0.5), percentile(fired, 0.99), max(fired));
        String occurrences = window.stream().map(o -> "'" + o + "'").collect(Collectors.joining(", "));
        System.out.println("events by status: " + groups(c, "SELECT status, COUNT(*) FROM automation_events WHERE delivery_id IN (" + occurrences
                + ") GROUP BY status ORDER BY status"));
        System.out.println("chats by status: " + groups(c, "SELECT status, COUNT(*) FROM chats GROUP BY status ORDER BY status"));
        Collections.sort(loads);
        System.out.printf("load average (1 min) at the minutes' ends: %.1f to %.1f%n", loads.get(0), loads.get(loads.size() - 1));
        return missing == 0 && twice == 0;
    }

    /** Firing updates each event once, so its row's commit time is the firing's. */
    static List<Double> firedLags(Connection c, List<String> window) throws Exception {
        List<Double> lags = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT delivery_id, pg_xact_commit_timestamp(xmin) FROM automation_events "
                + "WHERE delivery_id = ANY (?) AND status <> 'pending'")) {
            s.setArray(1, c.createArrayOf("text", window.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lags.add(seconds(Instant.parse(r.getString(1).substring("cron:".length())), r.getObject(2, OffsetDateTime.class)));
                }
            }
        }
        Collections.sort(lags);
        return lags;
    }

    static String groups(Connection c, String sql) throws Exception {
        StringBuilder line = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                line.append(line.isEmpty() ? "" : ", ").append(r.getString(1)).append(' ').append(r.getLong(2));
            }
        }
        return line.toString();
    }

    static long count(Connection c, String sql, Instant at) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, at.atOffset(ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Each instance's {@code automations_cron_fires_total}: the occurrences it claimed and recorded. */
    static long[] fires() {
        long[] fires = new long[INSTANCES];
        for (int i = 0; i < INSTANCES; i++) {
            Matcher m = FIRES.matcher(RestAssured.given().baseUri(base(i)).get("/metrics").asString());
            fires[i] = m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
        }
        return fires;
    }

    static String base(int instance) {
        return "http://localhost:" + (basePort + instance);
    }

    static double seconds(Instant occurrence, OffsetDateTime committed) {
        return committed == null ? Double.NaN : (committed.toInstant().toEpochMilli() - occurrence.toEpochMilli()) / 1000.0;
    }

    static String lag(double seconds) {
        return Double.isInfinite(seconds) ? "> 58 s" : String.format("%.2f s", seconds);
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
    }

    static double max(List<Double> sorted) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    }
}
