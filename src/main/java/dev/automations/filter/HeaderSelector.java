package dev.automations.filter;

import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/** {@code header:<Name>}: a request header's value as a JSON string. */
record HeaderSelector(String text, String name) implements Selector {

    static final String PREFIX = "header:";

    /** RFC 9110 token characters: anything else could never arrive as a header name. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    static HeaderSelector parse(String text) {
        String name = text.substring(PREFIX.length());
        if (name.isEmpty()) {
            throw new InvalidFilterException(text, "a header selector needs a header name after \"header:\"");
        }
        for (char c : name.toCharArray()) {
            if (!isTokenChar(c)) {
                throw new InvalidFilterException(text, "\"" + name + "\" is not a valid header name");
            }
        }
        return new HeaderSelector(text, name);
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    @Override
    public Optional<JsonValue> select(JsonValue payload, Map<String, String> headers) {
        if (headers == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(headers.get(name)).map(JsonText.JSON::createValue);
    }
}
