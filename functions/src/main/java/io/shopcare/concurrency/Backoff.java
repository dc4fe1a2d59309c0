package io.shopcare.concurrency;

import java.util.concurrent.ThreadLocalRandom;

/** Full-jitter exponential backoff between optimistic-concurrency retries, so contenders spread out. */
public final class Backoff {
    private static final long CAP_MILLIS = 200;

    private Backoff() {
    }

    public static void pause(int attempt) {
        long ceiling = Math.min(CAP_MILLIS, 5L << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
