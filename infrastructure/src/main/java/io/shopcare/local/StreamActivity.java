package io.shopcare.local;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the stack's stream readers and mappings share to tell "idle" from "between two steps":
 * an epoch that moves whenever records are read or a mapping finishes a delivery (which may have
 * written more records), and how many callers are waiting for idleness (readers poll eagerly
 * then instead of backing off).
 */
final class StreamActivity {
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicInteger waiters = new AtomicInteger();

    long epoch() {
        return epoch.get();
    }

    void touch() {
        epoch.incrementAndGet();
    }

    boolean awaited() {
        return waiters.get() > 0;
    }

    void startWaiting() {
        waiters.incrementAndGet();
    }

    void stopWaiting() {
        waiters.decrementAndGet();
    }
}
