package dev.automations.agent.control;

import dev.langchain4j.exception.TimeoutException;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a call to the model gave no answer, and whether trying again may help (§15 step 5): a 429, a 5xx, a connection
 * failure or a timeout may pass; any other refusal, or an answer that is not a chat completion, will not. The message
 * becomes the chat's {@code last_error}, so it never carries the api key, even if a server echoed it.
 */
public final class ModelFailure extends Exception {

    private static final int MAX_EXCERPT = 300;

    private final boolean retriable;
    private final transient Optional<Duration> retryAfter;

    private ModelFailure(String message, boolean retriable, Optional<Duration> retryAfter) {
        super(message);
        this.retriable = retriable;
        this.retryAfter = retryAfter;
    }

    static ModelFailure unusable(String why) {
        return new ModelFailure(why, false, Optional.empty());
    }

    static ModelFailure of(RuntimeException e, String apiKey, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ModelHttp.Refused refused) {
                int status = refused.statusCode();
                String message = "the model server answered HTTP " + status + ": " + excerpt(refused.getMessage(), apiKey);
                return new ModelFailure(message, status == 429 || status >= 500, refused.retryAfter());
            }
            if (t instanceof TimeoutException) {
                return new ModelFailure("the model server did not answer within " + timeout, true, Optional.empty());
            }
            if (t instanceof ModelHttp.Unreachable unreachable) {
                return new ModelFailure("could not reach the model server: " + excerpt(unreachable.getMessage(), apiKey), true, Optional.empty());
            }
        }
        return unusable("the model server's answer is not a chat completion: " + excerpt(e.getMessage(), apiKey));
    }

    boolean retriable() {
        return retriable;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    private static String excerpt(String text, String apiKey) {
        if (text == null) {
            return "(no detail)";
        }
        String clean = text.replaceAll("\\s+", " ").strip();
        if (apiKey != null && !apiKey.isEmpty()) {
            clean = clean.replace(apiKey, "[redacted]");
        }
        return clean.length() > MAX_EXCERPT ? clean.substring(0, MAX_EXCERPT) + "…" : clean;
    }
}
