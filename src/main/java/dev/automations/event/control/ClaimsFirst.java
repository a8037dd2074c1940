package dev.automations.event.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.IntSupplier;

/**
 * Lets a cron tick's claims run before firing on this instance. §10's lag ends when an occurrence's event is committed,
 * which is the claim; firing the previous minute's events on the same cores slowed a minute's claims (10 000 triggers,
 * three instances sharing two cores) to a p99 of 15–37 s. Firing waits while a tick claims, at most
 * {@link #MAX_WAIT_MILLIS} at a time, so a long tick delays firing but never stops it.
 */
@ApplicationScoped
public class ClaimsFirst {

    static final long MAX_WAIT_MILLIS = 10_000;

    private int claiming;

    /** Runs a tick's claims with firing held back; returns what they return. */
    public int claiming(IntSupplier claims) {
        synchronized (this) {
            claiming++;
        }
        try {
            return claims.getAsInt();
        } finally {
            synchronized (this) {
                claiming--;
                notifyAll();
            }
        }
    }

    /** Before firing a group or an agent turn: returns once no tick claims, or after {@link #MAX_WAIT_MILLIS}. */
    public synchronized void awaitClaims() {
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        long left = MAX_WAIT_MILLIS;
        while (claiming > 0 && left > 0) {
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left = deadline - System.currentTimeMillis();
        }
    }
}
