package dev.automations.platform.control;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;

import java.sql.SQLException;
import java.util.Optional;

/** Tells a failure of the database (or the pool in front of it), which is worth retrying, from a bug, by walking the cause chain. */
public final class DatabaseFailure {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private DatabaseFailure() {
    }

    public static boolean isDatabaseFailure(Throwable t) {
        if (sqlState(t).filter(DatabaseFailure::isStatementError).isPresent()) {
            return false;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException || c instanceof PersistenceException || c instanceof ResourceException
                    || c instanceof TransactionalException || c instanceof RollbackException || c instanceof SystemException) {
                return true;
            }
        }
        return false;
    }

    /** Classes 22 (data), 23 (constraint) and 42 (syntax, access) blame the statement, not the database: a bug, so 500. */
    private static boolean isStatementError(String state) {
        return state.startsWith("22") || state.startsWith("23") || state.startsWith("42");
    }

    /**
     * One log line for an expected failure: the deepest cause's type and the first line of its message. EclipseLink's
     * own messages run to dozens of lines with the SQL; during an outage that is per request.
     */
    public static String summary(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** H2 and PostgreSQL both report a unique-key violation as SQLState 23505. */
    public static boolean isUniqueViolation(Throwable t) {
        return sqlState(t).filter(UNIQUE_VIOLATION::equals).isPresent();
    }

    /** Both report a row that is still referenced, when it is deleted, as SQLState 23503. */
    public static boolean isForeignKeyViolation(Throwable t) {
        return sqlState(t).filter(FOREIGN_KEY_VIOLATION::equals).isPresent();
    }

    private static Optional<String> sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
