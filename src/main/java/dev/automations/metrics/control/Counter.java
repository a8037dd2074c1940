package dev.automations.metrics.control;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/** A value that only goes up, written as {@code <name> <value>}; by convention the name ends in {@code _total}. */
public final class Counter extends Metric<DoubleAdder> {

    Counter(String name, String help, List<String> labelNames) {
        super(name, help, labelNames, DoubleAdder::new);
    }

    public void inc(String... labelValues) {
        add(1, labelValues);
    }

    public void add(double amount, String... labelValues) {
        if (amount < 0) {
            throw new IllegalArgumentException("a counter only goes up: " + amount);
        }
        child(labelValues).add(amount);
    }

    /** For tests and callers that read their own count. */
    public double value(String... labelValues) {
        return child(labelValues).sum();
    }

    @Override
    String type() {
        return "counter";
    }

    @Override
    void writeChild(Exposition out, String labels, DoubleAdder child) {
        out.sample(name(), labels, child.sum());
    }
}
