package dev.automations.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit with no thread of its own. A caller queues its item; if fewer than {@code writers} groups are being
 * written, it becomes a writer and writes what has queued, its own item among it, as one group; otherwise it waits while
 * the items that arrive meanwhile queue up for the next group. A caller returns only once its item's group is written,
 * so each keeps the guarantee it would have alone (a delivery is answered after its event commits), while a group
 * shares one transaction, one connection and one round of each statement.
 */
public final class GroupCommit<T, R> {

    /** Writes a group and completes each item; an item it leaves incomplete fails with what it threw. */
    @FunctionalInterface
    public interface Writer<T, R> {
        void write(List<Item<T, R>> group);
    }

    /** One caller's input, and its result once the group it is in is written. */
    public static final class Item<T, R> {

        private final T input;
        private final Thread waiter = Thread.currentThread();
        private volatile boolean done;
        private R result;
        private RuntimeException failure;

        Item(T input) {
            this.input = input;
        }

        public T input() {
            return input;
        }

        public void complete(R value) {
            result = value;
            finish();
        }

        public void fail(RuntimeException cause) {
            failure = cause;
            finish();
        }

        private void finish() {
            done = true;
            LockSupport.unpark(waiter);
        }

        private R get() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    private final ConcurrentLinkedQueue<Item<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore writing;
    private final int maxGroup;
    private final Writer<T, R> writer;

    /**
     * @param writers  groups written at once, each by one caller
     * @param maxGroup items a group takes at most
     */
    public GroupCommit(int writers, int maxGroup, Writer<T, R> writer) {
        if (writers < 1 || maxGroup < 1) {
            throw new IllegalArgumentException("writers and maxGroup must be at least 1");
        }
        this.writing = new Semaphore(writers);
        this.maxGroup = maxGroup;
        this.writer = writer;
    }

    /** Returns once the item's group is written: its result, or what failed it. */
    public R submit(T input) {
        Item<T, R> item = new Item<>(input);
        queue.add(item);
        boolean interrupted = false;
        while (!item.done) {
            if (writing.tryAcquire()) {
                try {
                    writeUntilDone(item);
                } finally {
                    writing.release();
                }
                // Released before looking: a caller that queued after the last group was taken either finds the permit
                // free itself or is found here.
                wakeNext();
            } else {
                LockSupport.park(this);
                // The item is written whatever happens to this caller, so an interrupt cannot end the wait; it is kept.
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return item.get();
    }

    private void writeUntilDone(Item<T, R> own) {
        while (!own.done) {
            List<Item<T, R>> group = new ArrayList<>();
            for (Item<T, R> next; group.size() < maxGroup && (next = queue.poll()) != null; ) {
                group.add(next);
            }
            if (group.isEmpty()) {
                return;
            }
            write(group);
        }
    }

    private void write(List<Item<T, R>> group) {
        try {
            writer.write(group);
        } catch (RuntimeException e) {
            failRest(group, e);
            return;
        } catch (Error e) {
            failRest(group, new IllegalStateException("the group's writer failed", e));
            throw e;
        }
        if (group.stream().anyMatch(i -> !i.done)) {
            failRest(group, new IllegalStateException("the group's writer left an item without a result"));
        }
    }

    private static <T, R> void failRest(List<Item<T, R>> group, RuntimeException cause) {
        group.stream().filter(i -> !i.done).forEach(i -> i.fail(cause));
    }

    private void wakeNext() {
        Item<T, R> next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.waiter);
        }
    }
}
