package dev.automations.platform.control;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailureTest {

    @Test
    void connectionAndPoolFailuresAreUnavailability() {
        assertTrue(DatabaseFailure.isDatabaseFailure(new PersistenceException(new SQLException("refused", "08001"))));
        assertTrue(DatabaseFailure.isDatabaseFailure(new RuntimeException(new ResourceException("pool exhausted"))));
        assertTrue(DatabaseFailure.isDatabaseFailure(new PersistenceException("no state")));
    }

    @Test
    void statementErrorsAreBugsNotUnavailability() {
        assertFalse(DatabaseFailure.isDatabaseFailure(new PersistenceException(new SQLIntegrityConstraintViolationException("fk", "23503"))));
        assertFalse(DatabaseFailure.isDatabaseFailure(new PersistenceException(new SQLException("syntax", "42601"))));
        assertFalse(DatabaseFailure.isDatabaseFailure(new IllegalStateException("bug")));
    }

    @Test
    void uniqueViolationIsRecognisedOnBothDatabases() {
        assertTrue(DatabaseFailure.isUniqueViolation(new PersistenceException(new SQLException("dup", "23505"))));
        assertFalse(DatabaseFailure.isUniqueViolation(new PersistenceException(new SQLException("fk", "23503"))));
    }

    @Test
    void theSummaryIsOneLineNamingTheDeepestCause() {
        PersistenceException e = new PersistenceException("Exception [EclipseLink-4002]\nInternal Exception: ...\nCall: SELECT ...",
                new SQLException("Error in allocating a connection", new java.net.ConnectException("Connection refused")));
        assertEquals("ConnectException: Connection refused", DatabaseFailure.summary(e));
        assertEquals("IllegalStateException", DatabaseFailure.summary(new IllegalStateException()));
    }

    @Test
    void anUnavailableDatabaseCrossesEjbBoundariesAsAnApplicationException() {
        RuntimeException down = new PersistenceException(new SQLException("refused", "08001"));
        RuntimeException wrapped = Unavailable.wrap(down);
        assertTrue(wrapped instanceof Unavailable);
        assertTrue(DatabaseFailure.isDatabaseFailure(wrapped));
        assertSame(wrapped, Unavailable.wrap(wrapped));
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, Unavailable.wrap(bug));
    }
}
