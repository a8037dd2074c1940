package dev.automations.metrics.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Observations counted into fixed buckets, written as Prometheus histograms ({@code _bucket{le}}, {@code _sum},
 * {@code _count}): unlike quantiles, buckets add up across instances.
 */
public final class Histogram extends Metric<Histogram.Buckets> {

    /** Prometheus' default buckets, in seconds: from 5 ms to 10 s. */
    public static final double[] DEFAULT_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final double[] bounds;

    Histogram(String name, String help, double[] bounds, List<String> labelNames) {
        super(name, help, labelNames, () -> new Buckets(bounds.length));
        this.bounds = bounds.clone();
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException(name + ": bucket bounds must increase: " + Arrays.toString(bounds));
            }
        }
    }

    public void observe(Duration duration, String... labelValues) {
        observe(duration.toNanos() / 1e9, labelValues);
    }

    public void observe(double value, String... labelValues) {
        Buckets buckets = child(labelValues);
        int i = Arrays.binarySearch(bounds, value);
        // Bucket i counts values above bound i-1 up to and including bound i; the last one is +Inf.
        buckets.counts[i >= 0 ? i : -i - 1].increment();
        buckets.sum.add(value);
    }

    @Override
    String type() {
        return "histogram";
    }

    @Override
    void writeChild(Exposition out, String labels, Buckets child) {
        String separator = labels.isEmpty() ? "" : ",";
        long cumulative = 0;
        for (int i = 0; i <= bounds.length; i++) {
            cumulative += child.counts[i].sum();
            String le = i < bounds.length ? Exposition.number(bounds[i]) : "+Inf";
            out.sample(name() + "_bucket", labels + separator + "le=\"" + le + "\"", cumulative);
        }
        out.sample(name() + "_sum", labels, child.sum.sum());
        out.sample(name() + "_count", labels, cumulative);
    }

    static final class Buckets {
        final LongAdder[] counts;
        final DoubleAdder sum = new DoubleAdder();

        Buckets(int bounds) {
            counts = new LongAdder[bounds + 1];
            Arrays.setAll(counts, i -> new LongAdder());
        }
    }
}
