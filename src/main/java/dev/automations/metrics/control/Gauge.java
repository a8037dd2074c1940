package dev.automations.metrics.control;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/** A value read when scraped. Tracking again replaces the previous source, so a restarted bean never counts twice. */
public final class Gauge extends Metric<AtomicReference<DoubleSupplier>> {

    Gauge(String name, String help, List<String> labelNames) {
        super(name, help, labelNames, AtomicReference::new);
    }

    public void track(DoubleSupplier value, String... labelValues) {
        child(labelValues).set(value);
    }

    @Override
    String type() {
        return "gauge";
    }

    @Override
    void writeChild(Exposition out, String labels, AtomicReference<DoubleSupplier> child) {
        DoubleSupplier value = child.get();
        if (value != null) {
            out.sample(name(), labels, value.getAsDouble());
        }
    }
}
