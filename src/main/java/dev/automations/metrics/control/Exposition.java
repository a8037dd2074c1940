package dev.automations.metrics.control;

import java.util.List;
import java.util.regex.Pattern;

/** Writes the Prometheus text format, version 0.0.4. */
final class Exposition {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final StringBuilder out = new StringBuilder();

    static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Prometheus name: " + name);
        }
        return name;
    }

    static String labels(List<String> names, List<String> values) {
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                pairs.append(',');
            }
            pairs.append(names.get(i)).append("=\"").append(escape(values.get(i), true)).append('"');
        }
        return pairs.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    void header(String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(escape(help, false)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void sample(String name, String labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String escape(String text, boolean quoted) {
        String escaped = text.replace("\\", "\\\\").replace("\n", "\\n");
        return quoted ? escaped.replace("\"", "\\\"") : escaped;
    }
}
