package dev.automations.it;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * §11's event list at its largest page: 500 events whose stored payloads are each just under the 64 KB kept whole, all
 * of them one-element arrays. Read into JSON trees (Parsson: 2.8 MB a payload), one page needed about 1.4 GB of heap
 * and ran the server (768 MB here) out of memory; the page must come back whole, each payload as it was delivered.
 */
class EventPagesIT extends ServiceIT {

    private static final int PAGE = 500;

    @Test
    void aFullPageOfLargePayloadsComesBackWhole() throws Exception {
        Hook hook = Hook.create(api(), Map.of(), Map.of());
        String payload = "{\"items\":[" + String.join(",", Collections.nCopies(16_300, "[0]")) + "]}";
        List<Callable<String>> deliveries = Collections.nCopies(PAGE, () -> hook.delivered(payload));
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            for (Future<String> sent : senders.invokeAll(deliveries)) {
                sent.get();
            }
        } finally {
            senders.shutdown();
        }

        String page = hook.api().as(hook.user().token()).get(hook.events() + "?limit=" + PAGE).then().statusCode(200)
                .extract().asString();
        assertEquals(PAGE, occurrences(page, "\"payload\":" + payload));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
