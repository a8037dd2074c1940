package dev.automations.platform.control;

import java.util.ArrayList;
import java.util.List;

/** The {@code limit}/{@code offset} pair of every list (§1), parsed from raw query text so bad values are a 400, not a 404. */
public record Page(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static Page of(String limit, String offset) {
        List<FieldError> errors = new ArrayList<>();
        int l = parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        int o = parse("offset", offset, 0, 0, Integer.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Invalid query parameters.", errors);
        }
        return new Page(l, o);
    }

    private static int parse(String name, String text, int fallback, int min, int max, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        errors.add(new FieldError(name, "must be an integer from " + min + " to " + max));
        return fallback;
    }
}
