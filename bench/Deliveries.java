import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends N signed GitHub-style deliveries (about 12 KB each, unique delivery ids) to one webhook URL over C connections
 * and prints throughput, latency percentiles and the non-200 count. Plain JDK, so it runs as a source file:
 * {@code java bench/Deliveries.java URL SECRET N C [BYTES]}. With BYTES the body also lists commits, as a push would,
 * until it is about that large: many small objects, the costliest shape to parse and hold.
 */
public class Deliveries {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        int total = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        int bytes = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        byte[] body = ("{\"action\":\"created\",\"issue\":{\"number\":7,\"title\":\"Load\"},\"comment\":{\"body\":\""
                + "x".repeat(12_000) + "\"}" + commits(bytes) + "}").getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
        // HTTP/1.1, as webhook senders speak it. The JDK's default asks to upgrade to HTTP/2 over cleartext, which put all
        // C connections' requests on one, and Payara kept every finished request of such a connection (docs/decisions.md,
        // "Throughput", tenth round), which is what this benchmark's memory figures measured until then.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(connections)).build();
        long[] nanos = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .header("Content-Type", "application/json").header("X-GitHub-Event", "issue_comment")
                            .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-Hub-Signature-256", signature)
                            .build();
                    long sent = System.nanoTime();
                    try {
                        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - sent;
                }
                return null;
            });
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("%d deliveries in %.1f s: %.0f/s, p50 %.1f ms, p99 %.1f ms, not 200: %d%n", total, seconds,
                total / seconds, nanos[total / 2] / 1e6, nanos[(int) (total * 0.99)] / 1e6, failed.get());
        System.exit(0);
    }

    /** A {@code commits} member that makes the body about {@code bytes} long, or nothing. */
    private static String commits(int bytes) {
        StringBuilder commits = new StringBuilder();
        for (int i = 0; commits.length() < bytes - 12_100; i++) {
            commits.append(i == 0 ? ",\"commits\":[" : ",").append("{\"id\":\"").append(UUID.randomUUID())
                    .append("\",\"message\":\"Fix #").append(i).append("\",\"author\":{\"name\":\"octocat\",\"email\":\"o@example.com\"}}");
        }
        return commits.isEmpty() ? "" : commits.append("]").toString();
    }

    private static byte[] hmac(byte[] key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(body);
    }
}
