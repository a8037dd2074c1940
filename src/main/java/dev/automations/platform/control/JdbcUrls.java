package dev.automations.platform.control;

import java.util.regex.Pattern;

/** JDBC URLs fit for a log line: a URL may carry a password, as user info or as a parameter. */
public final class JdbcUrls {

    private static final Pattern USER_INFO = Pattern.compile("//[^/?;@]*@");

    private JdbcUrls() {
    }

    /** The URL without user info and without parameters (after {@code ?} or {@code ;}), which is where drivers take credentials. */
    public static String withoutSecrets(String url) {
        if (url == null) {
            return "(unknown URL)";
        }
        String cut = url;
        int parameters = indexOfAny(cut, '?', ';');
        if (parameters >= 0) {
            cut = cut.substring(0, parameters);
        }
        return USER_INFO.matcher(cut).replaceFirst("//");
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
