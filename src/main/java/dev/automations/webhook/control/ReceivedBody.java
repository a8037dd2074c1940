package dev.automations.webhook.control;

import java.io.IOException;
import java.io.InputStream;

/**
 * A webhook body read under a hard cap (§6 step 2): at most {@code max} bytes are kept; past that the rest
 * is only counted, so a huge delivery costs time but never memory.
 */
public record ReceivedBody(byte[] bytes, long size) {

    private static final int CHUNK = 8192;

    public boolean exceeds(long max) {
        return size > max;
    }

    public static ReceivedBody read(InputStream in, long max) throws IOException {
        byte[] kept = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (kept.length <= max) {
            return new ReceivedBody(kept, kept.length);
        }
        long size = kept.length;
        byte[] discard = new byte[CHUNK];
        for (int n = in.read(discard); n >= 0; n = in.read(discard)) {
            size += n;
        }
        return new ReceivedBody(new byte[0], size);
    }
}
