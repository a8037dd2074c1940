package dev.automations.coder.control;

import dev.automations.platform.control.Backoff;
import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Coder's REST API over {@code java.net.http}, authenticated by {@code Coder-Session-Token}. Every exchange is bounded
 * by {@code automations.coder.timeout}, headers and body alike. 429, 5xx, timeouts and connection failures are tried
 * again as {@link Backoff} says; any other answer that is not 2xx fails at once. Redirects are not followed, so the
 * token never travels to another host.
 */
class CoderClient {

    private static final Logger LOG = Logger.getLogger(CoderClient.class.getName());
    static final String TOKEN_HEADER = "Coder-Session-Token";

    private final CoderSettings settings;
    private final HttpClient http;

    CoderClient(CoderSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout()).build();
    }

    /** POSTs JSON under the chats prefix and returns the JSON object answered. */
    JsonObject post(String path, JsonObject body) {
        return call(request(settings.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json").build(), "POST " + settings.prefix() + path);
    }

    /** GETs a JSON object under the chats prefix. */
    JsonObject get(String path) {
        return call(request(settings.uri(path)).GET().build(), "GET " + settings.prefix() + path);
    }

    /** One unretried GET of an absolute API path, never throwing: for the health check, which must not wait. */
    CompletableFuture<HttpResponse<String>> probe(String path) {
        return http.sendAsync(request(settings.absolute(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.timeout()).header(TOKEN_HEADER, settings.token())
                .header("Accept", "application/json");
    }

    private JsonObject call(HttpRequest request, String what) {
        Backoff backoff = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            Answer answer = exchange(request, what);
            if (answer.json != null) {
                return answer.json;
            }
            Optional<Duration> wait = answer.retryable ? backoff.next(attempt, answer.retryAfter) : Optional.empty();
            if (wait.isEmpty()) {
                String tries = attempt > 1 ? " (after " + attempt + " attempts)" : "";
                throw new CoderFailure(answer.status, redact(answer.reason) + tries);
            }
            LOG.log(Level.INFO, "{0}; attempt {1} of {2}, next in {3} ms",
                    new Object[]{redact(answer.reason), attempt, backoff.maxAttempts(), String.valueOf(wait.get().toMillis())});
            pause(wait.get(), what);
        }
    }

    /** What one attempt gave: the JSON of a 2xx, or why not and whether trying again may help. */
    private record Answer(JsonObject json, int status, String reason, boolean retryable, Duration retryAfter) {
        static Answer failed(int status, String reason, boolean retryable, Duration retryAfter) {
            return new Answer(null, status, reason, retryable, retryAfter);
        }
    }

    private Answer exchange(HttpRequest request, String what) {
        CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = sent.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            return Answer.failed(0, "coder " + what + " timed out after " + settings.timeout().toMillis() + " ms", true, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean timedOut = cause instanceof java.net.http.HttpTimeoutException;
            String reason = timedOut ? "timed out after " + settings.timeout().toMillis() + " ms"
                    : "failed: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return Answer.failed(0, "coder " + what + " " + reason, cause instanceof IOException, null);
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new CoderFailure(0, "coder " + what + " was interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            JsonObject json = object(response.body());
            if (json == null) {
                return Answer.failed(status, "coder " + what + " answered " + status + " without a JSON object", false, null);
            }
            return new Answer(json, status, null, false, null);
        }
        boolean retryable = status == 429 || status >= 500;
        Duration retryAfter = Backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
        return Answer.failed(status, "coder " + what + " answered " + status + ": " + message(response.body()), retryable, retryAfter);
    }

    private static void pause(Duration wait, String what) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoderFailure(0, "coder " + what + " was interrupted");
        }
    }

    /** Coder's error body is {@code {"message", "detail", "validations"}}; a proxy's may be HTML or nothing. */
    static String message(String body) {
        JsonObject json = object(body);
        if (json != null && json.get("message") instanceof JsonString message) {
            String detail = json.get("detail") instanceof JsonString d && !d.getString().isBlank() ? " (" + d.getString() + ")" : "";
            return message.getString() + detail;
        }
        String text = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? "no message" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    static JsonObject object(String body) {
        try {
            JsonValue value = JsonText.read(body);
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** A remote message that quotes the token back must not carry it into the event log. */
    String redact(String text) {
        return text.replace(settings.token(), "[redacted]");
    }
}
