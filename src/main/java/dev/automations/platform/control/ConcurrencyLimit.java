package dev.automations.platform.control;

import java.util.concurrent.Semaphore;

/** At most {@code max} holders at once, refusing rather than queueing the next; 0 is no limit. */
public final class ConcurrencyLimit {

    private final Semaphore permits;

    public ConcurrencyLimit(int max) {
        permits = max > 0 ? new Semaphore(max) : null;
    }

    /** @return whether the caller holds a place now; if so it must {@link #leave()} */
    public boolean tryEnter() {
        return permits == null || permits.tryAcquire();
    }

    public void leave() {
        if (permits != null) {
            permits.release();
        }
    }
}
