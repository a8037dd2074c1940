package dev.automations.platform.control;

import dev.automations.platform.control.GroupCommit.Item;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {

    private static final int CALLERS = 48;
    private static final int EACH = 150;

    @Test
    void aCallerAloneWritesItsOwnItemAtOnce() {
        List<Integer> sizes = new ArrayList<>();
        GroupCommit<Integer, Integer> groups = new GroupCommit<>(2, 32, group -> {
            sizes.add(group.size());
            group.forEach(i -> i.complete(i.input() * 2));
        });
        assertEquals(42, groups.submit(21));
        assertEquals(List.of(1), sizes);
    }

    @Test
    void concurrentCallersEachGetTheirOwnResultFromGroupsWithinTheLimits() throws Exception {
        AtomicInteger writing = new AtomicInteger();
        AtomicInteger mostWriting = new AtomicInteger();
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> groups = new GroupCommit<>(2, 16, group -> {
            mostWriting.accumulateAndGet(writing.incrementAndGet(), Math::max);
            sizes.add(group.size());
            group.forEach(i -> i.complete(-i.input()));
            writing.decrementAndGet();
        });
        List<Integer> wrong = Collections.synchronizedList(new ArrayList<>());
        run(CALLERS, caller -> {
            for (int n = 0; n < EACH; n++) {
                int input = caller * EACH + n;
                if (groups.submit(input) != -input) {
                    wrong.add(input);
                }
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals(CALLERS * EACH, sizes.stream().mapToInt(Integer::intValue).sum(), "every item written once");
        assertTrue(mostWriting.get() <= 2, "at most two groups at once: " + mostWriting.get());
        assertTrue(sizes.stream().allMatch(s -> s <= 16), "no group over 16");
    }

    @Test
    void callersThatArriveWhileAGroupIsWrittenAreWrittenAsTheNextGroup() throws Exception {
        int callers = 8;
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<GroupCommit<Integer, Integer>> groups = new AtomicReference<>();
        groups.set(new GroupCommit<>(1, 32, group -> {
            if (sizes.isEmpty()) {
                awaitParkedIn(groups.get(), threads, callers);
            }
            sizes.add(group.size());
            group.forEach(i -> i.complete(i.input()));
        }));
        run(callers, caller -> {
            threads.add(Thread.currentThread());
            assertEquals(caller, groups.get().submit(caller));
        });
        assertEquals(callers, sizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(sizes.size() <= 2, "the first group, then all who waited for it: " + sizes);
    }

    @Test
    void aWriterThatThrowsFailsEveryItemOfItsGroupOnly() throws Exception {
        RuntimeException broken = new IllegalStateException("database gone");
        GroupCommit<Integer, Integer> groups = new GroupCommit<>(1, 8, group -> {
            if (group.stream().anyMatch(i -> i.input() < 0)) {
                throw broken;
            }
            group.forEach(i -> i.complete(i.input()));
        });
        assertSame(broken, assertThrows(IllegalStateException.class, () -> groups.submit(-1)));
        assertEquals(7, groups.submit(7));
    }

    @Test
    void anItemTheWriterLeavesWithoutAResultFails() {
        GroupCommit<Integer, Integer> groups = new GroupCommit<>(1, 8, group -> { });
        assertThrows(IllegalStateException.class, () -> groups.submit(1));
    }

    @Test
    void aWriterCompletingItemsOneByOneWakesEachCallerWithItsOwn() throws Exception {
        ConcurrentHashMap<Integer, Integer> results = new ConcurrentHashMap<>();
        GroupCommit<Integer, Integer> groups = new GroupCommit<>(1, 4, group -> {
            for (Item<Integer, Integer> item : group) {
                item.complete(item.input() + 1);
            }
        });
        run(CALLERS, caller -> results.put(caller, groups.submit(caller)));
        assertEquals(CALLERS, results.size());
        results.forEach((caller, result) -> assertEquals(caller + 1, result));
    }

    private interface Caller {
        void call(int index) throws Exception;
    }

    private static void run(int callers, Caller caller) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int index = c;
                running.add(pool.submit(() -> {
                    go.await();
                    caller.call(index);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Until every caller but this one has queued its item and parked in {@code submit}, for at most 10 s. */
    private static void awaitParkedIn(GroupCommit<?, ?> groups, List<Thread> threads, int callers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threads.size() < callers || !List.copyOf(threads).stream()
                .allMatch(t -> t == Thread.currentThread() || LockSupport.getBlocker(t) == groups)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the other callers did not wait for the group");
            }
            Thread.onSpinWait();
        }
    }
}
