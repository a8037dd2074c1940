package dev.automations.event.control;

import dev.automations.filter.Filter;
import dev.automations.filter.LabelPaths;
import dev.automations.platform.entity.JsonText;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Triggers' filters and label paths parsed once, not per delivery (a filter's {@code $regex} compiles its pattern).
 * Keyed by the stored JSON text itself, so an edited trigger simply finds its new text missing, and instances sharing
 * the database can never serve each other stale rules. Both parsed forms are immutable and safe to share.
 */
final class ParsedRules {

    /** Far more distinct rules than an instance's hot triggers; past it the cache starts over rather than grow. */
    private static final int MAX_ENTRIES = 2_000;

    private static final Map<String, Filter> FILTERS = new ConcurrentHashMap<>();
    private static final Map<String, LabelPaths> LABEL_PATHS = new ConcurrentHashMap<>();

    private ParsedRules() {
    }

    /** @param json a trigger's stored filter, or null for none */
    static Filter filter(String json) {
        return json == null ? Filter.parse(null) : cached(FILTERS, json, text -> Filter.parse(JsonText.read(text)));
    }

    /** @param json a trigger's stored label paths, or null for none */
    static LabelPaths labelPaths(String json) {
        return json == null ? LabelPaths.parse(null) : cached(LABEL_PATHS, json, text -> LabelPaths.parse(JsonText.read(text)));
    }

    private static <T> T cached(Map<String, T> cache, String json, Function<String, T> parse) {
        T parsed = cache.get(json);
        if (parsed == null) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            parsed = parse.apply(json);
            cache.put(json, parsed);
        }
        return parsed;
    }
}
