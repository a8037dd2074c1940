import dev.automations.filter.control.Filter;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How long a {@code $regex} filter takes on input built to make a backtracking engine take exponential time, at
 * growing input sizes: with RE2 the time grows with the input, linearly. Run with bench/java.sh FilterRegex;
 * prints ms per evaluation (median of 11, warmed up).
 */
public class FilterRegex {

    static final List<String> REGEXES = List.of("(a+)+$", "(a|aa)*b", "^(a|a?)+$", "(.*a){12}");
    static final int[] SIZES = {10_000, 100_000, 1_000_000};
    static final int RUNS = 11;

    public static void main(String[] args) {
        for (String regex : REGEXES) {
            Filter filter = Filter.parse(Json.createObjectBuilder().add("body", Json.createObjectBuilder().add("$regex", regex)).build());
            for (int size : SIZES) {
                JsonValue payload = Json.createObjectBuilder().add("body", "a".repeat(size) + "!").build();
                double[] millis = new double[RUNS];
                for (int warmUp = 0; warmUp < 3; warmUp++) {
                    filter.evaluate(payload, Map.of());
                }
                for (int i = 0; i < RUNS; i++) {
                    long began = System.nanoTime();
                    filter.evaluate(payload, Map.of());
                    millis[i] = (System.nanoTime() - began) / 1e6;
                }
                Arrays.sort(millis);
                System.out.printf("%-12s %,10d chars %9.2f ms%n", regex, size, millis[RUNS / 2]);
            }
        }
    }
}
