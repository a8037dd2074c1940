package dev.automations.filter;

/**
 * The outcome of {@link Filter#evaluate}.
 *
 * @param matched whether every condition held
 * @param reason  null when matched; otherwise the first failing condition with the expected and the
 *                actual value, e.g. {@code action: expected "opened", got "closed"}
 */
public record FilterResult(boolean matched, String reason) {

    static final FilterResult MATCHED = new FilterResult(true, null);

    public FilterResult {
        if (matched != (reason == null)) {
            throw new IllegalArgumentException("a reason is given exactly when the filter did not match");
        }
    }
}
