package dev.automations.coder.control;

import dev.automations.platform.control.Backoff;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code automations.coder.*} keys (§17), checked all at once so an operator sees every mistake in one start.
 * Not a record: a record's {@code toString} would print the session token.
 */
public final class CoderSettings {

    static final String URL = "automations.coder.url";
    static final String TOKEN = "automations.coder.session-token";
    static final String ORGANIZATION = "automations.coder.organization-id";
    static final String PREFIX = "automations.coder.api-prefix";
    static final String TIMEOUT = "automations.coder.timeout";
    static final String MAX_ATTEMPTS = "automations.coder.max-attempts";
    static final String BACKOFF = "automations.coder.backoff";
    static final String MAX_BACKOFF = "automations.coder.max-backoff";
    static final String HEALTH_INTERVAL = "automations.coder.health-interval";

    private final URI base;
    private final String token;
    private final UUID organizationId;
    private final String prefix;
    private final Duration timeout;
    private final Backoff backoff;
    private final Duration healthInterval;

    private CoderSettings(URI base, String token, UUID organizationId, String prefix, Duration timeout, Backoff backoff,
                          Duration healthInterval) {
        this.base = base;
        this.token = token;
        this.organizationId = organizationId;
        this.prefix = prefix;
        this.timeout = timeout;
        this.backoff = backoff;
        this.healthInterval = healthInterval;
    }

    /** @param config a configuration lookup, e.g. MicroProfile Config's {@code getOptionalValue} */
    public static CoderSettings from(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        Parser p = new Parser(config, problems);
        URI base = p.url();
        String token = p.required(TOKEN, "the session token of the Coder user that creates the chats", s -> s);
        UUID organization = p.required(ORGANIZATION, "the Coder organization's id (a UUID)", UUID::fromString);
        String prefix = p.prefix();
        Duration timeout = p.positive(TIMEOUT, "PT10S");
        Duration initial = p.positive(BACKOFF, "PT1S");
        Duration max = p.positive(MAX_BACKOFF, "PT30S");
        int attempts = p.attempts();
        Duration health = p.positive(HEALTH_INTERVAL, "PT30S");
        if (initial != null && max != null && max.compareTo(initial) < 0) {
            problems.add(MAX_BACKOFF + " must not be shorter than " + BACKOFF);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("automations.chat.bridge=coder is not configured: " + String.join("; ", problems));
        }
        return new CoderSettings(base, token, organization, prefix, timeout, new Backoff(initial, max, attempts), health);
    }

    /** {@code <url><prefix><path>}, e.g. {@code https://coder.example.com/api/experimental/chats}. */
    public URI uri(String pathUnderPrefix) {
        return URI.create(base + prefix + pathUnderPrefix);
    }

    /** A path outside the chats prefix, such as {@code /api/v2/users/me}. */
    public URI absolute(String path) {
        return URI.create(base + path);
    }

    public String prefix() {
        return prefix;
    }

    String token() {
        return token;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public Duration timeout() {
        return timeout;
    }

    public Backoff backoff() {
        return backoff;
    }

    public Duration healthInterval() {
        return healthInterval;
    }

    /** Reads each key, collecting what is wrong instead of stopping at the first. */
    private record Parser(Function<String, Optional<String>> config, List<String> problems) {

        <T> T required(String key, String what, Function<String, T> parse) {
            Optional<String> value = config.apply(key).map(String::strip).filter(s -> !s.isEmpty());
            if (value.isEmpty()) {
                problems.add(key + " is required: " + what);
                return null;
            }
            try {
                return parse.apply(value.get());
            } catch (IllegalArgumentException e) {
                problems.add(key + " must be " + what);
                return null;
            }
        }

        URI url() {
            String what = "the deployment's absolute http(s) URL without credentials, query or fragment, e.g. https://coder.example.com";
            URI uri = required(URL, what, URI::create);
            if (uri == null) {
                return null;
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
                problems.add(URL + " must be " + what);
                return null;
            }
            return URI.create(trimSlashes(uri.toString()));
        }

        String prefix() {
            String prefix = config.apply(PREFIX).map(String::strip).orElse("/api/experimental");
            if (!prefix.matches("(/[A-Za-z0-9._~-]+)+/?")) {
                problems.add(PREFIX + " must be a path such as /api/experimental or /api/v2");
                return null;
            }
            return trimSlashes(prefix);
        }

        Duration positive(String key, String fallback) {
            String text = config.apply(key).map(String::strip).orElse(fallback);
            try {
                Duration duration = Duration.parse(text);
                if (!duration.isNegative() && !duration.isZero()) {
                    return duration;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            problems.add(key + " must be a positive ISO-8601 duration such as " + fallback);
            return null;
        }

        int attempts() {
            String text = config.apply(MAX_ATTEMPTS).map(String::strip).orElse("3");
            if (text.matches("[1-9]|10")) {
                return Integer.parseInt(text);
            }
            problems.add(MAX_ATTEMPTS + " must be 1..10");
            return 1;
        }

        private static String trimSlashes(String text) {
            return text.replaceAll("/+$", "");
        }
    }
}
