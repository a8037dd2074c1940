package dev.automations.signature;

import static dev.automations.signature.TestSigning.headers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryIdsTest {

    private static final List<String> ORDER =
            List.of("X-GitHub-Delivery", "webhook-id", "Idempotency-Key", "X-Gitlab-Event-UUID", "X-Request-Id");

    @Test
    void firstPresentHeaderInContractOrderWins() {
        for (int first = 0; first < ORDER.size(); first++) {
            Map<String, String> headers = headers();
            // Inserted last to first, so that map order can't be what picks the winner.
            for (int i = ORDER.size() - 1; i >= first; i--) {
                headers.put(ORDER.get(i), "id-" + i);
            }
            assertEquals(Optional.of("id-" + first), DeliveryIds.from(headers), ORDER.get(first));
        }
    }

    @Test
    void blankValuesAreSkippedAndValuesStripped() {
        assertEquals(Optional.of("abc"), DeliveryIds.from(headers("X-GitHub-Delivery", "  ", "X-Request-Id", " abc ")));
        assertEquals(Optional.of("abc"), DeliveryIds.from(headers("x-github-delivery", "abc")));
        assertEquals(Optional.empty(), DeliveryIds.from(headers("webhook-id", "", "X-Delivery", "abc")));
        assertEquals(Optional.empty(), DeliveryIds.from(headers()));
    }

    @Test
    void longIdsAreBoundedButStayDistinct() {
        String exact = "a".repeat(DeliveryIds.MAX_LENGTH);
        assertEquals(Optional.of(exact), DeliveryIds.from(headers("webhook-id", exact)));

        String one = "b".repeat(300) + "1";
        String two = "b".repeat(300) + "2";
        String boundedOne = DeliveryIds.from(headers("webhook-id", one)).orElseThrow();
        String boundedTwo = DeliveryIds.from(headers("webhook-id", two)).orElseThrow();
        assertEquals(DeliveryIds.MAX_LENGTH, boundedOne.length());
        assertTrue(boundedOne.startsWith("b".repeat(100)), boundedOne);
        assertNotEquals(boundedOne, boundedTwo);
        assertEquals(boundedOne, DeliveryIds.from(headers("X-Request-Id", one)).orElseThrow(), "same id, same result");
    }
}
