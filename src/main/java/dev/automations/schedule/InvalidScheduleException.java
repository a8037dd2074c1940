package dev.automations.schedule;

/** A cron schedule that cannot be accepted; the message tells its author what to fix. */
public class InvalidScheduleException extends IllegalArgumentException {

    public InvalidScheduleException(String message) {
        super(message);
    }
}
