package dev.automations.platform.control;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Timers declared in nanoseconds, the unit a timer records in. Payara 6.2025.10 scales a timer's quantiles, mean
 * and max to seconds only when its metadata says so; without a unit they came out in nanoseconds beside a
 * {@code _sum} in seconds.
 */
public final class DurationTimers {

    private DurationTimers() {
    }

    /** The timer {@code name}, exported as {@code name_seconds}. */
    public static Timer timer(MetricRegistry registry, String name) {
        return registry.timer(Metadata.builder().withName(name).withUnit(MetricUnits.NANOSECONDS).build());
    }
}
