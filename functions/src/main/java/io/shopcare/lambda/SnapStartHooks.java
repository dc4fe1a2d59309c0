package io.shopcare.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * One handler's (or client's) SnapStart hooks. Lambda's Java runtime calls them through org.crac
 * around the snapshot of a published version: before it, {@code prime} warms what a first
 * request needs (classes, clients, connections, JSON paths) without writing anything; after each
 * restore, {@code refresh} renews what restored copies must not share. The runtime holds hooks
 * weakly: the owner keeps this object. On a JVM without CRaC registering does nothing.
 */
public final class SnapStartHooks implements Resource {
    private static final Logger LOG = Logger.getLogger(SnapStartHooks.class.getName());
    private final Runnable prime;
    private final Runnable refresh;

    private SnapStartHooks(Runnable prime, Runnable refresh) {
        this.prime = prime;
        this.refresh = refresh;
    }

    /** Priming through a handler's own entry point, with an event that reads only what cannot exist. */
    public static Runnable invoking(RequestStreamHandler handler, Supplier<String> primingEvent) {
        return () -> {
            try {
                handler.handleRequest(new ByteArrayInputStream(primingEvent.get().getBytes(StandardCharsets.UTF_8)),
                        OutputStream.nullOutputStream(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    public static SnapStartHooks register(Runnable prime, Runnable refresh) {
        SnapStartHooks hooks = new SnapStartHooks(prime, refresh);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    /** A failed priming leaves a colder snapshot, not a failed deployment: it is logged and the snapshot proceeds. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            prime.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SnapStart priming failed; the snapshot is taken without it", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        refresh.run();
    }
}
