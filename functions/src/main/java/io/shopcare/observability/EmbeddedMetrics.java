package io.shopcare.observability;

import io.shopcare.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An invocation's counts as CloudWatch Embedded Metric Format: one JSON line per dimension set,
 * written to standard output, which Lambda ships to CloudWatch Logs and CloudWatch turns into
 * metrics. No client, no API call, nothing added to the invocation's latency.
 */
public final class EmbeddedMetrics {
    public static final String NAMESPACE = "Shopcare";

    private EmbeddedMetrics() {
    }

    /** The EMF lines for what the context counted, stamped {@code timestampMillis}. */
    public static List<String> lines(LogContext context, long timestampMillis) {
        List<String> lines = new ArrayList<>();
        context.counts().forEach((dimension, byValue) -> byValue.forEach((value, metrics) ->
                lines.add(Json.write(document(context.function(), dimension, value, metrics, timestampMillis)))));
        return lines;
    }

    private static Map<String, Object> document(String function, String dimension, String value,
                                                Map<String, Long> metrics, long timestampMillis) {
        List<String> dimensions = dimension.isEmpty() ? List.of("Function") : List.of("Function", dimension);
        List<Map<String, String>> definitions = metrics.keySet().stream()
                .map(name -> Map.of("Name", name, "Unit", "Count")).toList();
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(dimensions));
        directive.put("Metrics", definitions);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("_aws", Map.of("Timestamp", timestampMillis, "CloudWatchMetrics", List.of(directive)));
        document.put("Function", function);
        if (!dimension.isEmpty()) {
            document.put(dimension, value);
        }
        document.putAll(metrics);
        return document;
    }
}
