package io.shopcare.observability;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What the invocation a thread works for is about: its request id, its function, the business ids
 * it touched (SKU, restock event, order...) and the business events it counted ({@link Metrics}).
 * Every log line carries it. The edge opens
 * it per invocation; domain code adds the ids it works on ({@link #touch}); work handed to other
 * threads takes it along ({@link #carry}).
 */
public final class LogContext {
    private static final ThreadLocal<LogContext> CURRENT = new ThreadLocal<>();
    private final String requestId;
    private final String function;
    private final Map<String, Set<String>> ids = new TreeMap<>();
    /** Dimension name ("" for none) → dimension value → metric → sum. */
    private final Map<String, Map<String, Map<String, Long>>> counts = new TreeMap<>();

    private LogContext(String requestId, String function) {
        this.requestId = requestId;
        this.function = function;
    }

    /** Starts the context of an invocation on this thread; close it with {@link #end()}. */
    public static LogContext begin(String requestId, String function) {
        LogContext context = new LogContext(requestId, function);
        CURRENT.set(context);
        return context;
    }

    public static void end() {
        CURRENT.remove();
    }

    /** The context of the invocation this thread works for, or null outside one. */
    public static LogContext current() {
        return CURRENT.get();
    }

    /** Records that the current invocation touched a business id, e.g. {@code touch("sku", "ADJ-RED-S")}. */
    public static void touch(String kind, String id) {
        LogContext context = CURRENT.get();
        if (context != null && id != null) {
            context.add(kind, id);
        }
    }

    private synchronized void add(String kind, String id) {
        Set<String> values = ids.computeIfAbsent(kind, k -> new TreeSet<>());
        if (values.size() < 50) { // a bound: a wave touches thousands of alerts, the log needs a sample
            values.add(id);
        }
    }

    /** The same task, run under this thread's current context on whatever thread runs it. */
    public static <T> Supplier<T> carry(Supplier<T> task) {
        LogContext context = CURRENT.get();
        if (context == null) {
            return task;
        }
        return () -> {
            LogContext previous = CURRENT.get();
            CURRENT.set(context);
            try {
                return task.get();
            } finally {
                if (previous == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(previous);
                }
            }
        };
    }

    public String requestId() {
        return requestId;
    }

    public String function() {
        return function;
    }

    synchronized void count(String metric, String dimension, String dimensionValue, long value) {
        counts.computeIfAbsent(dimension, d -> new TreeMap<>()).computeIfAbsent(dimensionValue, v -> new TreeMap<>())
                .merge(metric, value, Long::sum);
    }

    /** What was counted so far: dimension ("" for none) → its value → metric → sum. */
    public synchronized Map<String, Map<String, Map<String, Long>>> counts() {
        Map<String, Map<String, Map<String, Long>>> copy = new TreeMap<>();
        counts.forEach((dimension, byValue) -> {
            Map<String, Map<String, Long>> values = new TreeMap<>();
            byValue.forEach((value, metrics) -> values.put(value, new TreeMap<>(metrics)));
            copy.put(dimension, values);
        });
        return copy;
    }

    /** The business ids touched so far, by kind, each kind's in sorted order (Set.copyOf's order is random per JVM). */
    public synchronized Map<String, Set<String>> ids() {
        Map<String, Set<String>> copy = new TreeMap<>();
        ids.forEach((kind, values) -> copy.put(kind, Collections.unmodifiableSet(new TreeSet<>(values))));
        return copy;
    }
}
