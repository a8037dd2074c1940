package dev.automations.filter;

/** {@code label_paths} that cannot be used; the message names the label key and says what is wrong. */
public class InvalidLabelPathsException extends IllegalArgumentException {

    private final String key;

    InvalidLabelPathsException(String key, String detail) {
        super(key + ": " + detail);
        this.key = key;
    }

    /** @return the offending label key, or {@code "label_paths"} when the whole value is wrong */
    public String key() {
        return key;
    }
}
