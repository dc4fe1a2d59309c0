package io.shopcare.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Partial batch failures: only the failing records (or groups) are reported; nothing else is lost or repeated. */
class StreamBatchProcessorTest {

    private static DynamodbStreamRecord record(String sequence, String pk) {
        StreamRecord stream = new StreamRecord();
        stream.setSequenceNumber(sequence);
        stream.setKeys(Map.of("pk", new AttributeValue().withS(pk)));
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setDynamodb(stream);
        return record;
    }

    private static DynamodbEvent event(DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static List<String> failed(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void eachRecordIsHandledAndOnlyTheFailingOnesAreReported() {
        List<String> handled = new ArrayList<>();
        StreamsEventResponse response = StreamBatchProcessor.eachRecord(event(record("1", "a"), record("2", "b"),
                record("3", "c")), null, r -> {
                    handled.add(StreamBatchProcessor.key(r, "pk"));
                    if (r.getDynamodb().getSequenceNumber().equals("2")) {
                        throw new IllegalStateException("b failed");
                    }
                });
        assertEquals(List.of("a", "b", "c"), handled);
        assertEquals(List.of("2"), failed(response));
    }

    @Test
    void recordsAboutOneKeyAreHandledOnceTogetherAndFailTogether() {
        List<String> groups = new ArrayList<>();
        StreamsEventResponse response = StreamBatchProcessor.byKey(
                event(record("1", "PRODUCT#p"), record("2", "OTHER"), record("3", "PRODUCT#q"), record("4", "PRODUCT#p")), null,
                r -> {
                    String pk = StreamBatchProcessor.key(r, "pk");
                    return pk.startsWith("PRODUCT#") ? pk.substring(8) : null;
                },
                (product, records) -> {
                    groups.add(product + ":" + records.size());
                    if (product.equals("p")) {
                        throw new IllegalStateException("p failed");
                    }
                });
        assertEquals(List.of("p:2", "q:1"), groups, "in order of first appearance; OTHER skipped");
        assertEquals(List.of("1", "4"), failed(response));
    }

    @Test
    void aBatchWithNoFailuresReportsNone() {
        assertEquals(List.of(), failed(StreamBatchProcessor.eachRecord(event(record("1", "a")), null, r -> { })));
    }
}
