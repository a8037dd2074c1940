package dev.automations.platform.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Roles are a handful of fixed names: one comma-separated column, sorted so equal sets store equally. */
public final class RoleList {

    private RoleList() {
    }

    public static String join(Collection<String> roles) {
        return String.join(",", new TreeSet<>(roles));
    }

    public static List<String> split(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }
}
