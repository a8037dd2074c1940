package dev.automations.platform.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A status stored and shown by its name on the wire, which differs from the Java constant's. Each enum has its own
 * {@code AttributeConverter}, named with {@code @Convert} on the field, which calls {@link #column} and
 * {@link #fromColumn}. A generic base class for the converters did not work on Payara: EclipseLink did not apply them
 * and failed to read {@code chats.status} ({@code ConversionException}).
 */
public interface WireName {

    String wire();

    static <E extends Enum<E> & WireName> Optional<E> find(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.wire().equals(name)).findFirst();
    }

    /** Every wire name of the type, in declaration order. */
    static <E extends Enum<E> & WireName> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireName::wire).toList();
    }

    static String column(WireName value) {
        return value == null ? null : value.wire();
    }

    static <E extends Enum<E> & WireName> E fromColumn(Class<E> type, String column) {
        return column == null ? null : find(type, column)
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " " + column));
    }
}
