package dev.automations.chat.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The turn states of §15 on the entity: claims, leases, queueing, retries. */
class ChatTurnStateTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private final Instant t0 = Instant.parse("2026-11-23T20:00:00Z");

    private Chat chatWithMessage() {
        Chat chat = new Chat(UUID.randomUUID(), UUID.randomUUID(), null, "t", null, List.of(), t0);
        assertEquals(1, chat.receive("[]", null, null, t0).seq());
        return chat;
    }

    @Test
    void oneClaimAtATimeUntilTheLeaseRunsOut() {
        Chat chat = chatWithMessage();
        UUID first = UUID.randomUUID();
        assertTrue(chat.claim(first, t0, LEASE));
        assertEquals(ChatStatus.RUNNING, chat.status());
        assertFalse(chat.claim(UUID.randomUUID(), t0.plus(LEASE), LEASE), "the lease still holds at its last instant");
        UUID takeover = UUID.randomUUID();
        assertTrue(chat.claim(takeover, t0.plus(LEASE).plusMillis(1), LEASE), "an abandoned turn is taken over");
        assertFalse(chat.holds(first), "the first turn can no longer record its outcome");
        assertTrue(chat.holds(takeover));
    }

    @Test
    void aChatPutBackUntilLaterIsNotDueOnANewMessage() {
        Chat chat = chatWithMessage();
        assertTrue(chat.due(t0));
        chat.claim(UUID.randomUUID(), t0, LEASE);
        assertFalse(chat.due(t0), "running");
        chat.defer(t0.plusSeconds(15), "no model");
        assertEquals(2, chat.receive("[]", null, null, t0.plusSeconds(1)).seq());
        assertFalse(chat.due(t0.plusSeconds(1)), "a message does not make a deferred chat due");
        assertFalse(chat.claim(UUID.randomUUID(), t0.plusSeconds(1), LEASE));
        assertTrue(chat.due(t0.plusSeconds(15)), "due from its not_before on");
        assertTrue(chat.claim(UUID.randomUUID(), t0.plusSeconds(15), LEASE));
    }

    @Test
    void anAnswerWithoutQueuedMessagesWaits() {
        Chat chat = chatWithMessage();
        UUID token = UUID.randomUUID();
        chat.claim(token, t0, LEASE);
        ChatMessage answer = chat.answer(1, "[]", 10, 3, t0);
        assertEquals(2, answer.seq());
        assertEquals(ChatMessage.ASSISTANT, answer.role());
        assertEquals(ChatStatus.WAITING, chat.status());
        assertFalse(chat.holds(token));
        assertFalse(chat.claim(UUID.randomUUID(), t0, LEASE), "nothing to answer");
    }

    @Test
    void messagesArrivingWhileRunningQueueForTheNextTurn() {
        Chat chat = chatWithMessage();
        chat.claim(UUID.randomUUID(), t0, LEASE);
        assertEquals(2, chat.receive("[]", null, null, t0).seq());
        assertEquals(ChatStatus.RUNNING, chat.status(), "the running turn is not interrupted");
        assertEquals(2, chat.answer(1, "[]", null, null, t0).seq(), "the answer follows the messages it answered");
        assertEquals(3, chat.lastSeq(), "the queued message was moved up to 3 by the caller");
        assertEquals(ChatStatus.PENDING, chat.status());
        assertTrue(chat.claim(UUID.randomUUID(), t0, LEASE));
    }

    @Test
    void retriesWaitForTheirTimeAndCountAttempts() {
        Chat chat = chatWithMessage();
        UUID token = UUID.randomUUID();
        chat.claim(token, t0, LEASE);
        chat.retryAt(t0.plusSeconds(2), "HTTP 429");
        assertEquals(ChatStatus.PENDING, chat.status());
        assertEquals(1, chat.failedAttempts());
        assertEquals("HTTP 429", chat.lastError());
        assertFalse(chat.claim(UUID.randomUUID(), t0.plusSeconds(1), LEASE), "not before its time");
        assertTrue(chat.claim(UUID.randomUUID(), t0.plusSeconds(2), LEASE));
        chat.answer(1, "[]", null, null, t0);
        assertEquals(0, chat.failedAttempts());
        assertNull(chat.lastError());
    }

    @Test
    void onlyAFailedChatIsRetriedAndANewMessageWakesItToo() {
        Chat chat = chatWithMessage();
        assertFalse(chat.retry(), "pending");
        chat.claim(UUID.randomUUID(), t0, LEASE);
        chat.fail("HTTP 400");
        assertEquals(ChatStatus.ERROR, chat.status());
        assertTrue(chat.retry());
        assertEquals(ChatStatus.PENDING, chat.status());
        assertNull(chat.lastError());
        chat.claim(UUID.randomUUID(), t0, LEASE);
        chat.fail("HTTP 400");
        chat.receive("[]", null, null, t0);
        assertEquals(ChatStatus.PENDING, chat.status());
        assertEquals(0, chat.failedAttempts());
    }

    @Test
    void noModelDefersWithoutCountingAnAttempt() {
        Chat chat = chatWithMessage();
        chat.claim(UUID.randomUUID(), t0, LEASE);
        chat.defer(t0.plusSeconds(15), "no model is configured");
        assertEquals(ChatStatus.PENDING, chat.status());
        assertEquals(0, chat.failedAttempts());
        assertEquals("no model is configured", chat.lastError());
        assertFalse(chat.claim(UUID.randomUUID(), t0, LEASE));
    }
}
