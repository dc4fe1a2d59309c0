package io.shopcare.observability;

/**
 * Business events counted as CloudWatch metrics (e-mails sent by kind, alerts notified, waves,
 * stock conflicts...). Counts add up in the current invocation's {@link LogContext} and leave
 * with it when the invocation ends (see {@link EmbeddedMetrics}); outside an invocation they go
 * nowhere. Domain code counts; the edge decides how counts leave the process.
 */
public final class Metrics {
    private Metrics() {
    }

    /** A metric with no other dimension than the function. */
    public static void count(String metric, long value) {
        count(metric, "", "", value);
    }

    /** A metric split by one dimension, e.g. {@code count("EmailsSent", "Kind", "back-in-stock", 1)}. */
    public static void count(String metric, String dimension, String dimensionValue, long value) {
        LogContext context = LogContext.current();
        if (context != null) {
            context.count(metric, dimension, dimensionValue, value);
        }
    }
}
