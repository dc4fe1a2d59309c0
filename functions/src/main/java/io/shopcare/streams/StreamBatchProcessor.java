package io.shopcare.streams;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
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
        void handle(DynamodbStreamRecord record) throws Exception;
    }

    /** What a handler does with the records about one key (one product, one wave, ...). */
    @FunctionalInterface
    public interface GroupHandler<K> {
        void handle(K key, List<DynamodbStreamRecord> records) throws Exception;
    }

    /** Handles each record; a record whose handler throws is reported as failed. */
    public static StreamsEventResponse eachRecord(DynamodbEvent event, Context context, RecordHandler handler) {
        return byKey(event, context, record -> record, (record, records) -> handler.handle(record));
    }

    /**
     * Groups the records by {@code keyOf} (null: the record is not for this handler and is skipped)
     * and handles each key once, in the order keys first appear; a failing group fails all its records.
     */
    public static <K> StreamsEventResponse byKey(DynamodbEvent event, Context context,
                                                 Function<DynamodbStreamRecord, K> keyOf, GroupHandler<K> handler) {
        return Telemetry.invoke(context, () -> process(event, keyOf, handler), response -> event.getRecords().size()
                + " record(s), " + response.getBatchItemFailures().size() + " failed");
    }

    private static <K> StreamsEventResponse process(DynamodbEvent event, Function<DynamodbStreamRecord, K> keyOf,
                                                    GroupHandler<K> handler) {
        Map<K, List<DynamodbStreamRecord>> groups = new LinkedHashMap<>();
        for (DynamodbStreamRecord record : event.getRecords()) {
            K key = record.getDynamodb() == null ? null : keyOf.apply(record);
            if (key != null) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
            }
        }
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        groups.forEach((key, records) -> {
            try {
                handler.handle(key, records);
            } catch (Exception e) {
                LOG.log(Level.WARNING, records.size() + " stream record(s) failed and will be retried", e);
                records.forEach(r -> failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(r.getDynamodb().getSequenceNumber()).build()));
            }
        });
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /** A string attribute of the record's keys, or null. */
    public static String key(DynamodbStreamRecord record, String name) {
        return string(record.getDynamodb().getKeys(), name);
    }

    /** A string attribute of the record's new image, or null (a removal has none). */
    public static String newImage(DynamodbStreamRecord record, String name) {
        return string(record.getDynamodb().getNewImage(), name);
    }

    /** A string attribute of the record's old image, or null (an insertion has none). */
    public static String oldImage(DynamodbStreamRecord record, String name) {
        return string(record.getDynamodb().getOldImage(), name);
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image == null ? null : image.get(name);
        return value == null ? null : value.getS() != null ? value.getS() : value.getN();
    }
}
