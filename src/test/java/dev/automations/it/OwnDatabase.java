package dev.automations.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A database and role of a test's own on the run's PostgreSQL, for the tests that start instances of their own: no
 * other instance's sweep or tick touches its rows, and the outages other classes cause by locking the run's role out
 * do not reach it, so such a test can run beside the others.
 */
record OwnDatabase(String name, String url) {

    static OwnDatabase create(String name) {
        TestDatabase.superuser("CREATE ROLE " + name + " LOGIN PASSWORD '" + password() + "'");
        TestDatabase.superuser("CREATE DATABASE " + name + " OWNER " + name);
        String url = System.getenv("AUTOMATIONS_DB_URL");
        return new OwnDatabase(name, url.substring(0, url.lastIndexOf('/') + 1) + name);
    }

    /** Added to an instance's inherited environment: the instance uses this database instead of the run's. */
    Map<String, String> environment() {
        return Map.of("AUTOMATIONS_DB_URL", url, "AUTOMATIONS_DB_USER", name);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, name, password());
    }

    private static String password() {
        return System.getenv("AUTOMATIONS_DB_PASSWORD");
    }
}
