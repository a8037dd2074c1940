package dev.automations.platform.control;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How timers report a failed run they will retry. An unavailable database is expected and gets one line per run,
 * not a stack trace every few seconds for as long as the outage lasts; anything else is a bug and keeps its trace.
 */
public final class TimerFailures {

    private TimerFailures() {
    }

    public static void log(Logger log, String what, RuntimeException e) {
        if (DatabaseFailure.isDatabaseFailure(e)) {
            log.warning(() -> what + ": database unavailable (" + DatabaseFailure.summary(e) + ")");
        } else {
            log.log(Level.WARNING, what, e);
        }
    }
}
