package dev.automations.coder.control;

import dev.automations.platform.control.Clock;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether Coder is reachable and takes the token, as {@code GET /health/ready} shows it. A readiness probe must answer
 * at once whatever Coder does, so it reads the last result, and a stale one starts a new check in the background
 * ({@code GET /api/v2/users/me}, which needs a valid token; Coder serves it under v2 in every release).
 */
class CoderProbe {

    static final String PATH = "/api/v2/users/me";

    private final CoderClient client;
    private final CoderSettings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant started = Instant.EPOCH;
    private volatile Map<String, Object> last = Map.of("checked", false);

    CoderProbe(CoderClient client, CoderSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    Map<String, Object> health() {
        Instant now = Clock.now();
        if (started.plus(settings.healthInterval()).isBefore(now) && running.compareAndSet(false, true)) {
            started = now;
            client.probe(PATH).orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((response, failure) -> {
                        last = result(response, failure, now);
                        running.set(false);
                    });
        }
        Map<String, Object> shown = new LinkedHashMap<>(last);
        shown.put("api_prefix", settings.prefix());
        return shown;
    }

    private Map<String, Object> result(HttpResponse<String> response, Throwable failure, Instant at) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("checked", true);
        result.put("checked_at", at.toString());
        result.put("reachable", response != null);
        result.put("authenticated", response != null && response.statusCode() == 200);
        if (response != null) {
            result.put("http_status", (long) response.statusCode());
            if (response.statusCode() != 200) {
                result.put("error", client.redact(CoderClient.message(response.body())));
            }
        } else {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            result.put("error", client.redact(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
        }
        return result;
    }
}
