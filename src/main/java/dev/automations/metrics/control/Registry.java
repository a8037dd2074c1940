package dev.automations.metrics.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The application's metrics, kept by the application and served as Prometheus text on any server. Asking twice for
 * the same name returns the same metric; asking for a name already taken by another kind of metric is a bug.
 */
public final class Registry {

    private final Map<String, Metric<?>> metrics = new ConcurrentSkipListMap<>();

    public Counter counter(String name, String help, String... labelNames) {
        return register(new Counter(name, help, List.of(labelNames)));
    }

    public Histogram histogram(String name, String help, double[] bucketBounds, String... labelNames) {
        return register(new Histogram(name, help, bucketBounds, List.of(labelNames)));
    }

    public Gauge gauge(String name, String help, String... labelNames) {
        return register(new Gauge(name, help, List.of(labelNames)));
    }

    /** Every metric, sorted by name, in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        Exposition out = new Exposition();
        metrics.values().forEach(metric -> metric.write(out));
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private <M extends Metric<?>> M register(M metric) {
        return (M) metrics.merge(metric.name(), metric, (existing, created) -> {
            if (!existing.sameShape(created)) {
                throw new IllegalArgumentException(created.name() + " is already registered as another kind of metric or with other labels");
            }
            return existing;
        });
    }
}
