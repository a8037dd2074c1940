package dev.automations.platform.control;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Timers declared in nanoseconds, the unit a timer records in. Payara 6.2025.10 scales a timer's quantiles, mean
 * and max to seconds only when its metadata says so; without a unit they came out in nanoseconds beside a
 * {@code _sum} in seconds.
 * <p>
 * Each timer is created once, under a lock: Payara 6.2025.10 creates a timer through a plain {@code HashMap}
 * ({@code TimerImpl.validateMetricsConfiguration}), and the burst of deliveries that meets a freshly started instance
 * made it throw {@code ConcurrentModificationException}, answering those deliveries 500 (found by the crash suite).
 */
public final class DurationTimers {

    private static final Map<String, Timer> TIMERS = new ConcurrentHashMap<>();

    private DurationTimers() {
    }

    /** The timer {@code name}, exported as {@code name_seconds}. */
    public static Timer timer(MetricRegistry registry, String name) {
        Timer timer = TIMERS.get(name);
        return timer != null ? timer : create(registry, name);
    }

    private static synchronized Timer create(MetricRegistry registry, String name) {
        return TIMERS.computeIfAbsent(name, n -> registry.timer(Metadata.builder().withName(n).withUnit(MetricUnits.NANOSECONDS).build()));
    }
}
