package dev.automations.platform.entity;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed to reach the database three times, 5 s apart, so with PostgreSQL down a
 * webhook's 503 came after 10 s: later than GitHub (10 s) or Slack (3 s) wait. The pool already waits for a
 * connection (max-wait); the sender retries on 503; a second retry loop here only delays that answer.
 * Named in persistence.xml, which only EclipseLink reads: Hibernate never loads this class.
 */
public class FailFastQueries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
