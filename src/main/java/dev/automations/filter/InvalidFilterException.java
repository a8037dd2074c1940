package dev.automations.filter;

/**
 * A filter or selector that cannot be evaluated; thrown when a trigger is saved, never at delivery.
 * The message names the selector and says what is wrong, so it can go to the user as it is.
 */
public class InvalidFilterException extends IllegalArgumentException {

    private final String selector;

    InvalidFilterException(String selector, String detail) {
        super(selector + ": " + detail);
        this.selector = selector;
    }

    /**
     * @return the offending selector, the combinator key ({@code $or}, {@code $not}) whose operand is
     *     wrong, or {@code "filter"} when the filter as a whole is wrong (not an object, over a limit)
     */
    public String selector() {
        return selector;
    }
}
