package dev.automations.platform.boundary;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading once a limit is passed, so an oversized body is never buffered whole. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new BodyTooLarge(limit);
        }
    }
}

/** Thrown by {@link LimitedInputStream}; its type, not a flag, tells a parser failure it was the limit. */
final class BodyTooLarge extends IOException {

    BodyTooLarge(long limit) {
        super("body exceeds " + limit + " bytes");
    }
}
