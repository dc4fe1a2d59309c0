package io.shopcare.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keys read from the secret store, kept for {@code refreshAfter} so a rotation reaches every
 * container within minutes without a redeploy. When a refresh fails the keys already held are
 * used for up to {@code maxStale}: a short Secrets Manager outage must not take links down.
 */
public final class CachedKeyRing implements KeyRing {
    private static final Logger LOG = Logger.getLogger(CachedKeyRing.class.getName());
    private final Supplier<String> secret;
    private final Clock clock;
    private final Duration refreshAfter;
    private final Duration maxStale;
    private SigningKeys keys;
    private Instant readAt;

    public CachedKeyRing(Supplier<String> secret, Clock clock, Duration refreshAfter, Duration maxStale) {
        this.secret = secret;
        this.clock = clock;
        this.refreshAfter = refreshAfter;
        this.maxStale = maxStale;
    }

    /** Drops the keys held, so the next use reads the secret again (after a SnapStart restore). */
    public synchronized void forget() {
        keys = null;
        readAt = null;
    }

    @Override
    public synchronized SigningKeys keys() {
        Instant now = clock.instant();
        if (keys != null && now.isBefore(readAt.plus(refreshAfter))) {
            return keys;
        }
        try {
            keys = SigningKeys.fromSecret(secret.get());
            readAt = now;
        } catch (RuntimeException e) {
            if (keys == null || !now.isBefore(readAt.plus(maxStale))) {
                throw e;
            }
            LOG.log(Level.WARNING, "signing keys could not be refreshed; using the ones read at " + readAt, e);
        }
        return keys;
    }
}
