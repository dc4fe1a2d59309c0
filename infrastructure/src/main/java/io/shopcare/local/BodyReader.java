package io.shopcare.local;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body as it arrives, holding no thread while the client is slow (Jetty calls
 * back when more bytes come), and gives up with {@link TooLarge} past the limit instead of
 * buffering whatever a client sends.
 */
final class BodyReader implements Runnable {
    /** The body is larger than the limit; nothing more is read. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }

    private final Content.Source source;
    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    private BodyReader(Content.Source source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    static CompletableFuture<byte[]> read(Content.Source source, long limit) {
        BodyReader reader = new BodyReader(source, limit);
        reader.run();
        return reader.result;
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                result.completeExceptionally(chunk.getFailure());
                return;
            }
            int size = chunk.remaining();
            if (bytes.size() + (long) size > limit) {
                chunk.release();
                result.completeExceptionally(new TooLarge());
                return;
            }
            if (size > 0) {
                byte[] part = new byte[size];
                chunk.getByteBuffer().get(part);
                bytes.write(part, 0, size);
            }
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                result.complete(bytes.toByteArray());
                return;
            }
        }
    }
}
