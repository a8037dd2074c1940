package dev.automations.it;

import dev.automations.signature.SignatureScheme;
import dev.automations.signature.TestSigning;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook sender at a steady rate, as GitHub is one: signed deliveries round the given triggers, each with its own
 * delivery id, whatever state the service is in. What got no 200 (refused connection, timeout, 503) is kept for
 * redelivery with the same id and body. Deliveries are keyed {@code trigger/delivery id}, as the event log keys them.
 */
final class Sender implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int REDELIVERIES = 20;

    private record Delivery(Hook hook, String id, String body) {
        String key() {
            return hook.trigger() + "/" + id;
        }
    }

    private final URI base;
    private final List<Hook> hooks;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger redelivered = new AtomicInteger();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Delivery> unanswered = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    Sender(URL base, List<Hook> hooks, int perSecond) {
        this.base = URI.create(base.toString());
        this.hooks = hooks;
        ticks.scheduleAtFixedRate(this::next, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    private void next() {
        long n = sequence.getAndIncrement();
        send(new Delivery(hooks.get((int) (n % hooks.size())), "crash-" + run + "-" + n, "{\"n\":" + n + "}"));
    }

    private CompletableFuture<Void> send(Delivery delivery) {
        unanswered.put(delivery.key(), delivery);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v2/automations/triggers/" + delivery.hook().trigger() + "/webhook"))
                .timeout(TIMEOUT).header("Content-Type", "application/json").header("X-GitHub-Delivery", delivery.id())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
        TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, delivery.hook().secret(), delivery.body(), 0).forEach(request::header);
        inFlight.incrementAndGet();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (response != null) {
                answer(delivery, response);
            }
            inFlight.decrementAndGet();
            return null;
        });
    }

    private void answer(Delivery delivery, HttpResponse<?> response) {
        if (response.statusCode() == 503) {
            return;
        }
        String event = response.headers().firstValue("X-Automation-Event-Id").orElse(null);
        if (response.statusCode() != 200 || event == null) {
            problems.add(delivery.key() + ": " + response.statusCode() + " event " + event);
            unanswered.remove(delivery.key());
            return;
        }
        String earlier = acknowledged.putIfAbsent(delivery.key(), event);
        if (earlier != null && !earlier.equals(event)) {
            problems.add(delivery.key() + " answered with event " + earlier + " and later " + event);
        }
        unanswered.remove(delivery.key());
        answered.incrementAndGet();
    }

    long answered() {
        return answered.get();
    }

    /** Stops sending new deliveries and waits for those in flight. */
    void stop() throws InterruptedException {
        ticks.shutdown();
        ticks.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Await.until("the last deliveries to be answered or to time out", TIMEOUT.plusSeconds(5), () -> inFlight.get() == 0);
    }

    /** Redelivers, one round after another, everything that got no 200; {@value #REDELIVERIES} at a time, as a sender's queue would. */
    void redeliverUntilAnswered(Duration timeout) {
        Await.until(unanswered.size() + " redeliveries to be answered 200", timeout, () -> {
            List<Delivery> again = List.copyOf(unanswered.values());
            redelivered.addAndGet(again.size());
            for (int from = 0; from < again.size(); from += REDELIVERIES) {
                CompletableFuture.allOf(again.subList(from, Math.min(again.size(), from + REDELIVERIES)).stream().map(this::send)
                        .toArray(CompletableFuture[]::new)).join();
            }
            return unanswered.isEmpty();
        });
    }

    int redelivered() {
        return redelivered.get();
    }

    /** Event ids by delivery, as the 200s named them. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
