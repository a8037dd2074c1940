package dev.automations.platform.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL of a remote endpoint the service calls: a model config's {@code base_url} (§15), to which paths are appended,
 * and an MCP server's {@code url} (§16). Only a plain absolute http(s) URL works, and it is shown in every response, so
 * it may carry no credentials.
 */
public final class HttpUrl {

    public static final int MAX_LENGTH = 2048;

    private HttpUrl() {
    }

    /**
     * @param secretField where credentials belong instead ({@code api_key}, {@code headers}), for the message
     * @return the URL without trailing slashes, so appending a path never doubles one
     * @throws IllegalArgumentException saying what is wrong, fit for a {@code validations} entry
     */
    public static String normalize(String text, String secretField) {
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
            // The URL is shown in every response and log line; credentials belong in the sealed field.
            throw new IllegalArgumentException("must not contain credentials; use " + secretField);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a query or fragment; credentials belong in " + secretField);
        }
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }
}
