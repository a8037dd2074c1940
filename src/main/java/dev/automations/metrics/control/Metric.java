package dev.automations.metrics.control;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One metric family in the Prometheus text format (version 0.0.4): its name, help, type and one child per
 * combination of label values, created on first use and written in the order of their labels.
 */
abstract sealed class Metric<C> permits Counter, Gauge, Histogram {

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Map<List<String>, C> children = new ConcurrentHashMap<>();
    private final Supplier<C> newChild;

    Metric(String name, String help, List<String> labelNames, Supplier<C> newChild) {
        this.name = Exposition.checkName(name);
        this.help = help;
        this.labelNames = List.copyOf(labelNames);
        labelNames.forEach(Exposition::checkName);
        this.newChild = newChild;
    }

    abstract String type();

    /** Writes the sample lines of one child; {@code labels} is the child's label pairs without braces. */
    abstract void writeChild(Exposition out, String labels, C child);

    final C child(String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames + ", got " + labelValues.length + " values");
        }
        return children.computeIfAbsent(List.of(labelValues), values -> newChild.get());
    }

    final String name() {
        return name;
    }

    final boolean sameShape(Metric<?> other) {
        return getClass() == other.getClass() && labelNames.equals(other.labelNames);
    }

    final void write(Exposition out) {
        out.header(name, help, type());
        // An unlabelled metric is shown from the start (at zero); a labelled one once a label value has been seen.
        if (labelNames.isEmpty()) {
            child();
        }
        Map<String, C> byLabels = new TreeMap<>();
        children.forEach((values, child) -> byLabels.put(Exposition.labels(labelNames, values), child));
        byLabels.forEach((labels, child) -> writeChild(out, labels, child));
    }
}
