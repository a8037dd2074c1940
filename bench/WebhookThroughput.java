import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver of bench/webhook-throughput.sh (issue #16): in one server run, {@code GET /api/v2/buildinfo}, signed
 * 12.7 KB GitHub {@code issue_comment} deliveries and, after the burst's figures, the same deliveries posted to buildinfo
 * (answered 405: the floor), each for the same time over the same connections; then how long
 * the pending events take to fire, and whether every 200 is backed by a committed event. Plain JDK (java.net.http, one
 * HTTP/1.1 connection per sending thread), run as a source file:
 * {@code java bench/WebhookThroughput.java BASE TOKEN AUTOMATION WEBHOOK_URL SECRET SECONDS CONNECTIONS SERVER_PID
 * [WARM_UP_WEBHOOK_URL WARM_UP_SECRET]}: the warm-up's deliveries go to the second trigger when given, which should belong
 * to another automation, so the measured automation's hourly limits are all left for the measured deliveries.
 * With {@code -Dcrash=FILE} it writes the event ids of its 200s to FILE after the burst and exits at once, for the
 * script to kill and restart the server; {@code verify BASE TOKEN AUTOMATION FILE} then checks them.
 */
public class WebhookThroughput {

    record Sent(long nanos, int status, String eventId) {
    }

    /** Requests of one phase; those answered {@code expected} count as served. */
    record Phase(String name, double seconds, List<Sent> sent, int expected) {
        long ok() {
            return sent.stream().filter(s -> s.status == expected).count();
        }

        double rate() {
            return ok() / seconds;
        }

        double percentile(double p) {
            long[] sorted = sent.stream().mapToLong(Sent::nanos).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
        }

        String line() {
            return String.format("%-9s %8.0f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  %d requests, not %d: %d",
                    name, rate(), percentile(0.5), percentile(0.95), percentile(0.99), sent.size(), expected, sent.size() - ok());
        }
    }

    static String base;
    static String token;
    static HttpClient client;
    static byte[] secret;
    static String pid;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("verify")) {
            base = args[1];
            token = args[2];
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            System.exit(verify(List.of(args[3]), Files.readAllLines(Path.of(args[4]))) ? 0 : 1);
        }
        base = args[0];
        token = args[1];
        String automation = args[2];
        URI webhook = URI.create(args[3]);
        secret = args[4].getBytes(StandardCharsets.UTF_8);
        int seconds = Integer.parseInt(args[5]);
        int connections = Integer.parseInt(args[6]);
        pid = args[7];
        // Daemon threads: a phase that throws ends the driver, and with it the benchmark, instead of leaving both waiting.
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(connections, WebhookThroughput::daemon)).build();
        URI buildinfo = URI.create(base + "/api/v2/buildinfo");
        IntFunction<HttpRequest> info = i -> HttpRequest.newBuilder(buildinfo).timeout(TIMEOUT).GET().build();
        byte[] measured = secret;
        // With -Dhooks=FILE ("automation webhook secret" lines), the measured deliveries go to each in turn.
        List<String[]> hooks = System.getProperty("hooks") == null ? List.<String[]>of(new String[] {automation, args[3], args[4]})
                : Files.readAllLines(Path.of(System.getProperty("hooks"))).stream().map(line -> line.split(" ")).toList();
        IntFunction<HttpRequest> delivery = i -> {
            String[] hook = hooks.get(Math.floorMod(i, hooks.size()));
            return delivery(URI.create(hook[1]), hook[2].getBytes(StandardCharsets.UTF_8), i);
        };
        // The warm-up goes to an automation of its own when given, so the measured one starts with its hourly limits intact.
        byte[] warmUpSecret = args.length > 9 ? args[9].getBytes(StandardCharsets.UTF_8) : secret;
        URI warmUpWebhook = args.length > 9 ? URI.create(args[8]) : webhook;
        IntFunction<HttpRequest> warmUpDelivery = i -> delivery(warmUpWebhook, warmUpSecret, i);

        System.out.printf("delivery: %d bytes%n", GitHub.issueComment(1000, 0).getBytes(StandardCharsets.UTF_8).length);
        List<Sent> accepted = new ArrayList<>();
        int warmUpSeconds = Integer.getInteger("warmup", Math.max(3, seconds / 4));
        System.out.println(run("warm-up", info, warmUpSeconds, connections).line());
        Phase warmUp = run("warm-up", warmUpDelivery, warmUpSeconds, connections);
        System.out.println(warmUp.line());
        if (args.length <= 9) {
            accepted.addAll(warmUp.sent());
        }
        awaitDrained(Duration.ofMinutes(10));
        System.out.printf("load average before measuring: %s%n", loadAverage());
        Cpu beforeInfo = Cpu.now();
        profile("start");
        Phase infoPhase = run("buildinfo", info, seconds, connections);
        profile("stop,file=" + System.getProperty("profileDir") + "/buildinfo.collapsed,collapsed");
        System.out.println(infoPhase.line());
        Cpu afterInfo = Cpu.now();
        System.out.printf("server CPU, buildinfo: %.2f s per 1 000 requests (%s)%n", afterInfo.minus(beforeInfo).total() * 1000 / infoPhase.ok(),
                afterInfo.minus(beforeInfo).perThousand(infoPhase.ok()));
        Statements.reset();
        double databaseBefore = Statements.cpuSeconds();
        String jfr = System.getProperty("jfr");
        if (jfr != null) {
            command("jcmd", pid, "JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
        }
        profile("start");
        Phase webhookPhase = run("webhook", delivery, seconds, connections);
        profile("stop,file=" + System.getProperty("profileDir") + "/webhook.collapsed,collapsed");
        long lastOk = System.nanoTime();
        Cpu afterWebhook = Cpu.now();
        System.out.println(webhookPhase.line());
        System.out.printf("ratio webhook/buildinfo: %.0f %%   load average: %s%n",
                100 * webhookPhase.rate() / infoPhase.rate(), loadAverage());
        accepted.addAll(webhookPhase.sent());
        long pendingAfter = pending();
        System.out.printf("after the burst: %d events pending, RSS %s; to %d automations, fired during it %.0f events/s for %.0f accepted/s%n",
                pendingAfter, rss(), hooks.size(), (webhookPhase.ok() - pendingAfter) / webhookPhase.seconds(),
                webhookPhase.ok() / webhookPhase.seconds());
        List<String> ok = accepted.stream().filter(s -> s.status == 200).map(s -> String.valueOf(s.eventId)).toList();
        String crash = System.getProperty("crash");
        if (crash != null) {
            // The script kills the server now, restarts it, and verifies these after the recovery sweep.
            Files.write(Path.of(crash), ok);
            System.exit(0);
        }
        double drained = awaitDrained(Duration.ofMinutes(10)) ? (System.nanoTime() - lastOk) / 1e9 : Double.NaN;
        Cpu afterDrain = Cpu.now();
        if (jfr != null) {
            command("jcmd", pid, "JFR.stop", "name=bench");
        }
        System.out.printf("pending drained %.1f s after the last 200; RSS %s, peak %s%n", drained, rss(), memory("VmHWM"));
        long delivered = webhookPhase.ok();
        System.out.printf("server CPU per 1 000 deliveries answered 200: %.2f s during the webhook phase, %.2f s until drained "
                + "(every one was fired: %s)%n", afterWebhook.minus(afterInfo).total() * 1000 / delivered,
                afterDrain.minus(afterInfo).total() * 1000 / delivered, afterDrain.minus(afterInfo).perThousand(delivered));
        Statements.print(delivered);
        if (System.getProperty("psql") != null) {
            System.out.printf("PostgreSQL CPU per 1 000 deliveries answered 200: %.2f s (webhook phase until drained; it shares "
                    + "the cores)%n", (Statements.cpuSeconds() - databaseBefore) * 1000 / delivered);
        }
        // The floor: the same signed deliveries posted where the server only answers 405, so the HTTP stack receives every
        // body and the driver builds and signs it, and nothing else runs. What a delivery costs beyond it is the service's.
        // After the burst and its figures: run before the webhook phase, the server's RSS rose by about 50 MB while it ran
        // (PostgreSQL, one run sampled), which the peak above would then include. Its path is the HTTP stack's, compiled by
        // now but for the 405.
        IntFunction<HttpRequest> floor = i -> delivery(buildinfo, secret, i);
        run("warm-up", floor, Math.min(warmUpSeconds, 10), connections, 405);
        Cpu beforeFloor = Cpu.now();
        Phase floorPhase = run("floor", floor, seconds, connections, 405);
        Cpu afterFloor = Cpu.now();
        System.out.println(floorPhase.line());
        System.out.printf("server CPU, floor: %.2f s per 1 000 requests (%s)%n", afterFloor.minus(beforeFloor).total() * 1000 / floorPhase.ok(),
                afterFloor.minus(beforeFloor).perThousand(floorPhase.ok()));
        System.out.printf("floor/buildinfo: %.0f %%   webhook/floor: %.0f %%%n", 100 * floorPhase.rate() / infoPhase.rate(),
                100 * webhookPhase.rate() / floorPhase.rate());
        System.exit(verify(hooks.stream().map(hook -> hook[0]).toList(), ok) ? 0 : 1);
    }

    /** Whether every event named by a 200 is committed; prints the events by status. */
    static boolean verify(List<String> automations, List<String> ok) throws Exception {
        Map<String, String> stored = new HashMap<>();
        for (String automation : automations) {
            stored.putAll(storedEvents(automation));
        }
        long missing = ok.stream().filter(id -> !stored.containsKey(id)).count();
        System.out.printf("committed events: %d stored for %d deliveries answered 200; 200s without a committed event: %d%n",
                stored.size(), ok.size(), missing);
        StringBuilder line = new StringBuilder("events by status:");
        for (String status : List.of("pending", "created", "continued", "rate_limited", "filtered", "error")) {
            line.append(' ').append(status).append(' ').append(stored.values().stream().filter(status::equals).count());
        }
        System.out.println(line);
        return missing == 0;
    }

    static Phase run(String name, IntFunction<HttpRequest> request, int seconds, int connections) throws Exception {
        return run(name, request, seconds, connections, 200);
    }

    static Phase run(String name, IntFunction<HttpRequest> request, int seconds, int connections, int expected) throws Exception {
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(connections, WebhookThroughput::daemon);
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
        for (int c = 0; c < connections; c++) {
            senders.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest r = request.apply(next.getAndIncrement());
                    long at = System.nanoTime();
                    int status;
                    String event = null;
                    try {
                        HttpResponse<Void> response = client.send(r, HttpResponse.BodyHandlers.discarding());
                        status = response.statusCode();
                        event = response.headers().firstValue("X-Automation-Event-Id").orElse(null);
                    } catch (Exception e) {
                        status = -1;
                    }
                    sent.add(new Sent(System.nanoTime() - at, status, event));
                }
                return null;
            });
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.HOURS);
        return new Phase(name, (System.nanoTime() - started) / 1e9, new ArrayList<>(sent), expected);
    }

    /** A request unanswered this long counts as failed (status -1), so a server that stops answering ends the phase. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Issues the comments go to, in turn: {@code -Dissues=N} (50); fewer make hotter chats, whose events fire together. */
    static final int ISSUES = Integer.getInteger("issues", 50);

    /** A GitHub issue_comment delivery (12.7 KB), its comment mentioning the bot, on one of the issues. */
    static HttpRequest delivery(URI webhook, byte[] secret, int i) {
        byte[] body = GitHub.issueComment(1000 + i % ISSUES, i).getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(webhook).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").header("User-Agent", "GitHub-Hookshot/bench")
                .header("X-GitHub-Event", "issue_comment").header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-GitHub-Hook-ID", "412345678")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(secret, body))).build();
    }

    static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean awaitDrained(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (pending() == 0) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    static long pending() throws Exception {
        String metrics = get("/metrics");
        Matcher m = Pattern.compile("(?m)^automations_pending_events\\S* (\\S+)$").matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    /**
     * Every event of the automation, id to status, read once page by page: the view's fields come in name order, so an
     * event's status is the first after its id (the bench's payloads have none).
     */
    static Map<String, String> storedEvents(String automation) throws Exception {
        Map<String, String> events = new HashMap<>();
        for (int offset = 0; ; offset += 500) {
            String page = get("/api/experimental/automations/" + automation + "/events?limit=500&offset=" + offset);
            Matcher m = EVENT.matcher(page);
            int before = events.size();
            int found = 0;
            while (m.find()) {
                events.put(m.group(1), m.group(2));
                found++;
            }
            if (found < 500 || events.size() == before) {
                return events;
            }
        }
    }

    static final Pattern EVENT = Pattern.compile("\"id\":\"([0-9a-f-]{36})\".*?\"status\":\"(\\w+)\"", Pattern.DOTALL);

    /**
     * The server's CPU seconds (user + system) from /proc: the process's total, which keeps what ended threads used,
     * and the live threads' by kind, told apart by their names. What the service costs whatever else loads the machine.
     */
    record Cpu(double total, Map<String, Double> byKind) {

        static final double TICKS = Double.parseDouble(command("getconf", "CLK_TCK").trim());

        static Cpu now() throws Exception {
            Map<String, Double> kinds = new TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        kinds.merge(kind(Files.readString(task.resolve("comm")).trim()), seconds(task.resolve("stat")), Double::sum);
                    } catch (java.io.IOException ended) {
                        // The thread ended meanwhile; the process's total keeps its time.
                    }
                }
            }
            return new Cpu(seconds(Path.of("/proc/" + pid + "/stat")), kinds);
        }

        /** Linux names a Java thread by its first 15 characters. */
        static String kind(String name) {
            if (name.startsWith("http-thread-poo")) {
                return "request threads";
            }
            if (name.startsWith("__ejb-thread-po")) {
                return "EJB threads (firing, timers)";
            }
            if (name.startsWith("G1 ") || name.startsWith("GC ") || name.equals("VM Thread")) {
                return "GC";
            }
            if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
                return "JIT";
            }
            return "other";
        }

        static double seconds(Path stat) throws java.io.IOException {
            return seconds(Files.readString(stat), false);
        }

        /** User and system time from a /proc stat line, with that of the process's ended children if asked. */
        static double seconds(String stat, boolean children) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return (children ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks) / TICKS;
        }

        Cpu minus(Cpu before) {
            Map<String, Double> kinds = new TreeMap<>(byKind);
            before.byKind.forEach((k, v) -> kinds.merge(k, -v, Double::sum));
            return new Cpu(total - before.total, kinds);
        }

        String perThousand(long count) {
            StringBuilder line = new StringBuilder();
            byKind.forEach((k, v) -> line.append(line.isEmpty() ? "" : ", ").append(k).append(String.format(" %.2f", v * 1000 / count)));
            return line.toString();
        }
    }

    /**
     * Statements the server sent to PostgreSQL during the webhook phase and the drain (pg_stat_statements), with
     * {@code -Dpsql="psql … -d automations -At"}; nothing on H2.
     */
    static final class Statements {

        static void reset() throws Exception {
            psql("SELECT pg_stat_statements_reset(); SELECT pg_stat_reset();");
        }

        static void print(long deliveries) throws Exception {
            String calls = psql("SELECT sum(calls) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                    + "WHERE d.datname = 'automations' AND s.query NOT LIKE '%pg_stat%'");
            if (calls == null) {
                return;
            }
            String commits = psql("SELECT xact_commit FROM pg_stat_database WHERE datname = 'automations'").trim();
            System.out.printf("statements per delivery answered 200: %.2f, transactions %.2f (pg_stat_statements, webhook "
                    + "phase until drained, the driver's metrics polls included)%n", Double.parseDouble(calls.trim()) / deliveries,
                    Double.parseDouble(commits) / deliveries);
            System.out.print(psql("SELECT to_char(s.calls::numeric / " + deliveries + ", '990.00') || '  ' "
                    + "|| left(regexp_replace(s.query, '\\s+', ' ', 'g'), 150) FROM pg_stat_statements s JOIN pg_database d "
                    + "ON d.oid = s.dbid WHERE d.datname = 'automations' AND s.query NOT LIKE '%pg_stat%' "
                    + "ORDER BY s.calls DESC LIMIT 20"));
        }

        /**
         * The CPU seconds of every postgres process, with what the postmaster's ended children used: the bench cluster
         * is the only PostgreSQL on the machine.
         */
        static double cpuSeconds() throws Exception {
            double seconds = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        if (stat.contains("(postgres)")) {
                            seconds += Cpu.seconds(stat, true);
                        }
                    } catch (java.io.IOException ended) {
                        // Ended meanwhile: its time is in the postmaster's children's.
                    }
                }
            }
            return seconds;
        }

        static String psql(String sql) throws Exception {
            String psql = System.getProperty("psql");
            if (psql == null) {
                return null;
            }
            List<String> command = new ArrayList<>(List.of(psql.split(" ")));
            command.add("-c");
            command.add(sql);
            return command(command.toArray(String[]::new));
        }
    }

    /**
     * With -Dasprof=libasyncProfiler.so, samples of one phase: CPU by default (itimer: perf events are not allowed in this
     * VM), or what -DasprofEvent names (alloc,total: bytes allocated).
     */
    static void profile(String action) {
        String library = System.getProperty("asprof");
        if (library != null) {
            String event = action.equals("start") ? ",event=" + System.getProperty("asprofEvent", "itimer,interval=1ms") : "";
            // Quoted: jcmd would otherwise read the first '=' of the options as its own key=value.
            command("jcmd", pid, "JVMTI.agent_load", library, '"' + action + event + '"');
        }
    }

    static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    }

    static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + ": " + out);
            }
            return out;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Coder-Session-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    static String rss() throws Exception {
        return memory("VmRSS");
    }

    static String memory(String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB").findFirst().orElse("?");
    }

    /** A realistic GitHub issue_comment payload: the shape and size (12.7 KB) of one GitHub sends. */
    static final class GitHub {
        static final String USER = """
                {"login":"octocat","id":583231,"node_id":"MDQ6VXNlcjU4MzIzMQ==","avatar_url":"https://avatars.githubusercontent.com/u/583231?v=4","gravatar_id":"","url":"https://api.github.com/users/octocat","html_url":"https://github.com/octocat","followers_url":"https://api.github.com/users/octocat/followers","following_url":"https://api.github.com/users/octocat/following{/other_user}","gists_url":"https://api.github.com/users/octocat/gists{/gist_id}","starred_url":"https://api.github.com/users/octocat/starred{/owner}{/repo}","subscriptions_url":"https://api.github.com/users/octocat/subscriptions","organizations_url":"https://api.github.com/users/octocat/orgs","repos_url":"https://api.github.com/users/octocat/repos","events_url":"https://api.github.com/users/octocat/events{/privacy}","received_events_url":"https://api.github.com/users/octocat/received_events","type":"User","user_view_type":"public","site_admin":false}""";
        static final String R = "https://api.github.com/repos/acme/widgets";
        static final String REPOSITORY = """
                {"id":123456789,"node_id":"R_kgDOB1234","name":"widgets","full_name":"acme/widgets","private":false,"owner":%s,\
                "html_url":"https://github.com/acme/widgets","description":"Widgets for everyone","fork":false,"url":"%s",\
                "forks_url":"%s/forks","keys_url":"%s/keys{/key_id}","collaborators_url":"%s/collaborators{/collaborator}",\
                "teams_url":"%s/teams","hooks_url":"%s/hooks","issue_events_url":"%s/issues/events{/number}","events_url":"%s/events",\
                "assignees_url":"%s/assignees{/user}","branches_url":"%s/branches{/branch}","tags_url":"%s/tags",\
                "blobs_url":"%s/git/blobs{/sha}","git_tags_url":"%s/git/tags{/sha}","git_refs_url":"%s/git/refs{/sha}",\
                "trees_url":"%s/git/trees{/sha}","statuses_url":"%s/statuses/{sha}","languages_url":"%s/languages",\
                "stargazers_url":"%s/stargazers","contributors_url":"%s/contributors","subscribers_url":"%s/subscribers",\
                "subscription_url":"%s/subscription","commits_url":"%s/commits{/sha}","git_commits_url":"%s/git/commits{/sha}",\
                "comments_url":"%s/comments{/number}","issue_comment_url":"%s/issues/comments{/number}",\
                "contents_url":"%s/contents/{+path}","compare_url":"%s/compare/{base}...{head}","merges_url":"%s/merges",\
                "archive_url":"%s/{archive_format}{/ref}","downloads_url":"%s/downloads","issues_url":"%s/issues{/number}",\
                "pulls_url":"%s/pulls{/number}","milestones_url":"%s/milestones{/number}",\
                "notifications_url":"%s/notifications{?since,all,participating}","labels_url":"%s/labels{/name}",\
                "releases_url":"%s/releases{/id}","deployments_url":"%s/deployments","created_at":"2021-03-04T10:11:12Z",\
                "updated_at":"2026-11-30T08:09:10Z","pushed_at":"2026-11-30T08:09:10Z","git_url":"git://github.com/acme/widgets.git",\
                "ssh_url":"git@github.com:acme/widgets.git","clone_url":"https://github.com/acme/widgets.git",\
                "svn_url":"https://github.com/acme/widgets","homepage":null,"size":20480,"stargazers_count":321,"watchers_count":321,\
                "language":"Java","has_issues":true,"has_projects":true,"has_downloads":true,"has_wiki":false,"has_pages":false,\
                "has_discussions":false,"forks_count":42,"mirror_url":null,"archived":false,"disabled":false,"open_issues_count":17,\
                "license":{"key":"apache-2.0","name":"Apache License 2.0","spdx_id":"Apache-2.0","url":"https://api.github.com/licenses/apache-2.0","node_id":"MDc6TGljZW5zZTI="},\
                "allow_forking":true,"is_template":false,"web_commit_signoff_required":false,"topics":["widgets","java"],\
                "visibility":"public","forks":42,"open_issues":17,"watchers":321,"default_branch":"main"}""".formatted(
                USER, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R, R);
        static final String ISSUE_TEXT = ("Steps to reproduce: build the widget with the default profile, then run it "
                + "against a fresh database. Expected: the widget starts. Actual: it fails with a timeout after 30 s. ").repeat(16);

        static String issueComment(int issue, int comment) {
            String issueUrl = R + "/issues/" + issue;
            return ("{\"action\":\"created\",\"issue\":{\"url\":\"" + issueUrl + "\",\"repository_url\":\"" + R + "\","
                    + "\"labels_url\":\"" + issueUrl + "/labels{/name}\",\"comments_url\":\"" + issueUrl + "/comments\","
                    + "\"events_url\":\"" + issueUrl + "/events\",\"html_url\":\"https://github.com/acme/widgets/issues/" + issue + "\","
                    + "\"id\":" + (2000000000L + issue) + ",\"node_id\":\"I_kwDOB1234" + issue + "\",\"number\":" + issue + ","
                    + "\"title\":\"Widget fails to start on a fresh database\",\"user\":" + USER + ","
                    + "\"labels\":[{\"id\":1,\"node_id\":\"LA_1\",\"url\":\"" + R + "/labels/bug\",\"name\":\"bug\",\"color\":\"d73a4a\",\"default\":true,\"description\":\"Something isn't working\"}],"
                    + "\"state\":\"open\",\"locked\":false,\"assignee\":null,\"assignees\":[],\"milestone\":null,\"comments\":3,"
                    + "\"created_at\":\"2026-11-29T10:00:00Z\",\"updated_at\":\"2026-12-01T12:00:00Z\",\"closed_at\":null,"
                    + "\"author_association\":\"CONTRIBUTOR\",\"active_lock_reason\":null,\"body\":\"" + ISSUE_TEXT + "\","
                    + "\"reactions\":{\"url\":\"" + issueUrl + "/reactions\",\"total_count\":0,\"+1\":0,\"-1\":0,\"laugh\":0,\"hooray\":0,\"confused\":0,\"heart\":0,\"rocket\":0,\"eyes\":0},"
                    + "\"timeline_url\":\"" + issueUrl + "/timeline\",\"performed_via_github_app\":null,\"state_reason\":null},"
                    + "\"comment\":{\"url\":\"" + R + "/issues/comments/" + (900000000L + comment) + "\","
                    + "\"html_url\":\"https://github.com/acme/widgets/issues/" + issue + "#issuecomment-" + (900000000L + comment) + "\","
                    + "\"issue_url\":\"" + issueUrl + "\",\"id\":" + (900000000L + comment) + ",\"node_id\":\"IC_kwDOB" + comment + "\","
                    + "\"user\":" + USER + ",\"created_at\":\"2026-12-01T12:00:00Z\",\"updated_at\":\"2026-12-01T12:00:00Z\","
                    + "\"author_association\":\"CONTRIBUTOR\",\"body\":\"@bot please look at the start-up timeout; the log is attached.\","
                    + "\"reactions\":{\"url\":\"" + R + "/issues/comments/" + (900000000L + comment) + "/reactions\",\"total_count\":0,\"+1\":0,\"-1\":0,\"laugh\":0,\"hooray\":0,\"confused\":0,\"heart\":0,\"rocket\":0,\"eyes\":0},"
                    + "\"performed_via_github_app\":null},\"repository\":" + REPOSITORY + ",\"organization\":{\"login\":\"acme\",\"id\":4242,"
                    + "\"node_id\":\"O_kgDOA\",\"url\":\"https://api.github.com/orgs/acme\",\"repos_url\":\"https://api.github.com/orgs/acme/repos\","
                    + "\"events_url\":\"https://api.github.com/orgs/acme/events\",\"hooks_url\":\"https://api.github.com/orgs/acme/hooks\","
                    + "\"issues_url\":\"https://api.github.com/orgs/acme/issues\",\"members_url\":\"https://api.github.com/orgs/acme/members{/member}\","
                    + "\"public_members_url\":\"https://api.github.com/orgs/acme/public_members{/member}\","
                    + "\"avatar_url\":\"https://avatars.githubusercontent.com/u/4242?v=4\",\"description\":\"Acme Corp\"},"
                    + "\"sender\":" + USER + "}").replace("\n", "");
        }
    }
}
