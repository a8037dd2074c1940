package dev.automations.platform.control;

import jakarta.ejb.ApplicationException;

/**
 * A database failure passed out of an EJB as an application exception: the container then neither logs it with a
 * stack trace (every few seconds, for as long as an outage lasts) nor discards the bean, and the caller, which
 * retries on its own schedule, logs one line.
 */
@ApplicationException(rollback = true)
public class Unavailable extends RuntimeException {

    private Unavailable(RuntimeException cause) {
        super(DatabaseFailure.summary(cause), cause);
    }

    /** @return {@code e} as an {@code Unavailable} when the database failed, otherwise {@code e} itself */
    public static RuntimeException wrap(RuntimeException e) {
        return DatabaseFailure.isDatabaseFailure(e) && !(e instanceof Unavailable) ? new Unavailable(e) : e;
    }
}
