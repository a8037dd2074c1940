package dev.automations.model.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The {@code base_url} rule of §15: the turn posts to {@code <base_url>/chat/completions}, so only a plain absolute URL works. */
final class BaseUrl {

    static final int MAX_LENGTH = 2048;

    private BaseUrl() {
    }

    /**
     * @return the URL without trailing slashes, so appending a path never doubles one
     * @throws IllegalArgumentException saying what is wrong, fit for a {@code validations} entry
     */
    static String normalize(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        String url = text.strip();
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            // base_url is shown in every response and log line; credentials belong in api_key, which is sealed.
            throw new IllegalArgumentException("must not contain credentials; use api_key");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a query or fragment, since paths are appended to it");
        }
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }
}
