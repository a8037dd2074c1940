package dev.automations.metrics.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryTest {

    private final Registry registry = new Registry();

    @Test
    void countersAreWrittenInTheTextFormatSortedByName() {
        Counter fires = registry.counter("b_fires_total", "Fires.");
        Counter requests = registry.counter("a_requests_total", "Requests by outcome.", "outcome");
        requests.inc("accepted");
        requests.inc("accepted");
        requests.add(0.5, "too_large");
        fires.inc();
        assertEquals("""
                # HELP a_requests_total Requests by outcome.
                # TYPE a_requests_total counter
                a_requests_total{outcome="accepted"} 2
                a_requests_total{outcome="too_large"} 0.5
                # HELP b_fires_total Fires.
                # TYPE b_fires_total counter
                b_fires_total 1
                """, registry.scrape());
    }

    @Test
    void anUnlabelledMetricIsShownAtZeroBeforeItsFirstUse() {
        registry.counter("c_total", "C.");
        registry.histogram("h_seconds", "H.", new double[] {1});
        String text = registry.scrape();
        assertTrue(text.contains("\nc_total 0\n"), text);
        assertTrue(text.contains("h_seconds_bucket{le=\"+Inf\"} 0\nh_seconds_sum 0\nh_seconds_count 0\n"), text);
    }

    @Test
    void histogramBucketsAreCumulativeAndBoundsInclusive() {
        Histogram h = registry.histogram("t_seconds", "T.", new double[] {0.1, 1, 10});
        h.observe(Duration.ofMillis(100));
        h.observe(0.5);
        h.observe(1);
        h.observe(60);
        assertEquals("""
                # HELP t_seconds T.
                # TYPE t_seconds histogram
                t_seconds_bucket{le="0.1"} 1
                t_seconds_bucket{le="1"} 3
                t_seconds_bucket{le="10"} 3
                t_seconds_bucket{le="+Inf"} 4
                t_seconds_sum 61.6
                t_seconds_count 4
                """, registry.scrape());
    }

    @Test
    void labelledHistogramsPutLeAfterTheirLabels() {
        registry.histogram("x_seconds", "X.", new double[] {1}, "kind").observe(2, "a");
        assertTrue(registry.scrape().contains("x_seconds_bucket{kind=\"a\",le=\"1\"} 0\nx_seconds_bucket{kind=\"a\",le=\"+Inf\"} 1\n"),
                registry.scrape());
    }

    @Test
    void aGaugeReadsItsSourceAtEveryScrapeAndTrackingAgainReplacesIt() {
        double[] value = {3};
        Gauge pending = registry.gauge("pending", "Pending.");
        pending.track(() -> value[0]);
        value[0] = 4;
        assertTrue(registry.scrape().endsWith("# TYPE pending gauge\npending 4\n"), registry.scrape());
        registry.gauge("pending", "Pending.").track(() -> 7);
        assertTrue(registry.scrape().endsWith("\npending 7\n"), registry.scrape());
        pending.track(() -> Double.NaN);
        assertTrue(registry.scrape().endsWith("\npending NaN\n"), registry.scrape());
    }

    @Test
    void askingTwiceReturnsTheSameMetricButAnotherShapeIsRefused() {
        Counter first = registry.counter("n_total", "N.", "a");
        assertSame(first, registry.counter("n_total", "N.", "a"));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("n_total", "N.", "b"));
        assertThrows(IllegalArgumentException.class, () -> registry.gauge("n_total", "N.", "a"));
    }

    @Test
    void badNamesLabelCountsAndDecreasesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> registry.counter("automations-requests", "X."));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("ok_total", "X.", "bad-label"));
        Counter c = registry.counter("ok_total", "X.", "outcome");
        assertThrows(IllegalArgumentException.class, () -> c.inc());
        assertThrows(IllegalArgumentException.class, () -> c.inc("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> c.add(-1, "a"));
        assertThrows(IllegalArgumentException.class, () -> registry.histogram("h", "X.", new double[] {2, 1}));
    }

    @Test
    void labelValuesAndHelpAreEscaped() {
        registry.counter("e_total", "Line one\nback\\slash \"quoted\"", "v").inc("a\"b\\c\nd");
        assertEquals("""
                # HELP e_total Line one\\nback\\\\slash "quoted"
                # TYPE e_total counter
                e_total{v="a\\"b\\\\c\\nd"} 1
                """, registry.scrape());
    }
}
