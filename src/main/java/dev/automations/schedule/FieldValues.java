package dev.automations.schedule;

/**
 * The values one cron field allows, as bits (bit n set = value n allowed).
 * {@code star} remembers a bare {@code *}: day matching and DST overlaps treat it apart from
 * an explicit list that happens to name every value.
 */
record FieldValues(long bits, boolean star) {

    boolean contains(int value) {
        return (bits & (1L << value)) != 0;
    }

    /** The smallest allowed value at or above {@code from}, or 64 when there is none. */
    int next(int from) {
        return Long.numberOfTrailingZeros(bits & (-1L << from));
    }
}
