package io.shopcare.streams;

import com.amazonaws.services.lambda.runtime.Context;
import io.shopcare.lambda.Telemetry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one record loop of every DynamoDB stream handler, with Powertools' batch semantics: each
 * record (or each group of records about one thing) is handled on its own, a failure fails only
 * its own records, and the answer reports them as {@code batchItemFailures}, so Lambda retries from
 * the first failed record (ReportBatchItemFailures) and never repeats or loses the others.
 * Handlers are idempotent: a retried batch redelivers the records after the first failure too.
 */
public final class StreamBatchProcessor {
    private static final Logger LOG = Logger.getLogger(StreamBatchProcessor.class.getName());

    private StreamBatchProcessor() {
    }

    /** What a handler does with one record. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(StreamRecord record) throws Exception;
    }

    /** What a handler does with the records about one key (one product, one wave, ...). */
    @FunctionalInterface
    public interface GroupHandler<K> {
        void handle(K key, List<StreamRecord> records) throws Exception;
    }

    /** Handles each record; returns the sequence numbers of the records whose handler threw. */
    public static List<String> eachRecord(List<StreamRecord> records, Context context, RecordHandler handler) {
        return byKey(records, context, record -> record, (record, group) -> handler.handle(record));
    }

    /**
     * Groups the records by {@code keyOf} (null: the record is not for this handler and is skipped)
     * and handles each key once, in the order keys first appear; a failing group fails all its
     * records. Returns the sequence numbers of the failed records.
     */
    public static <K> List<String> byKey(List<StreamRecord> records, Context context,
                                         Function<StreamRecord, K> keyOf, GroupHandler<K> handler) {
        return Telemetry.invoke(context, () -> process(records, keyOf, handler), failed -> records.size()
                + " record(s), " + failed.size() + " failed");
    }

    private static <K> List<String> process(List<StreamRecord> records, Function<StreamRecord, K> keyOf,
                                            GroupHandler<K> handler) {
        Map<K, List<StreamRecord>> groups = new LinkedHashMap<>();
        for (StreamRecord record : records) {
            K key = keyOf.apply(record);
            if (key != null) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
            }
        }
        List<String> failures = new ArrayList<>();
        groups.forEach((key, group) -> {
            try {
                handler.handle(key, group);
            } catch (Exception e) {
                LOG.log(Level.WARNING, group.size() + " stream record(s) failed and will be retried", e);
                group.forEach(r -> failures.add(r.sequenceNumber()));
            }
        });
        return failures;
    }
}
