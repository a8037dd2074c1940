package dev.automations.event.control;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimsFirstTest {

    private final ClaimsFirst gate = new ClaimsFirst();

    @Test
    void firingWaitsWhileATickClaimsAndGoesOnWhenItEnds() throws Exception {
        CountDownLatch claimsStarted = new CountDownLatch(1);
        CountDownLatch claimsMayEnd = new CountDownLatch(1);
        CompletableFuture<Integer> tick = CompletableFuture.supplyAsync(() -> gate.claiming(() -> {
            claimsStarted.countDown();
            await(claimsMayEnd);
            return 7;
        }));
        assertTrue(claimsStarted.await(5, TimeUnit.SECONDS));
        Thread firing = new Thread(gate::awaitClaims);
        firing.start();
        // Waiting in the gate is the only timed wait awaitClaims makes: seeing it proves firing was held back.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (firing.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.TIMED_WAITING, firing.getState(), "firing went on while the tick was claiming");
        claimsMayEnd.countDown();
        firing.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(firing.isAlive(), "firing still waits after the claims ended");
        assertEquals(7, tick.get(5, TimeUnit.SECONDS));
    }

    @Test
    void firingDoesNotWaitWhenNoTickClaims() throws Exception {
        gate.claiming(() -> 0);
        CompletableFuture.runAsync(gate::awaitClaims).get(1, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
