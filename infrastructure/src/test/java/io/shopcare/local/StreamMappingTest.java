package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * One event source mapping fed records by hand (no DynamoDB): filter, batch size, partial batch
 * failures, bounded retries into the on-failure destination, checkpoints, and what it keeps.
 */
class StreamMappingTest {
    private static final String STREAM = "arn:aws:dynamodb:eu-central-1:000000000000:table/T/stream/local";
    private static final String PRODUCTS_ONLY = "{\"dynamodb\": {\"Keys\": {\"sk\": {\"S\": [\"PRODUCT\"]}}}}";
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private final List<DynamodbEvent.DynamodbStreamRecord> failed = new CopyOnWriteArrayList<>();

    @Test
    void filteredRecordsGoInBatchesOfBatchSizeAndTheCheckpointPassesTheDroppedOnes() throws Exception {
        StreamMapping mapping = mapping(source(2, 0), Checkpoints.inMemory(STREAM), true, ids -> null);
        try {
            mapping.offer("shard-1", List.of(record(1, "PRODUCT"), record(2, "STOCK"), record(3, "PRODUCT"),
                    record(4, "PRODUCT"), record(5, "STOCK")));
            awaitIdle(mapping);
            assertEquals(List.of(List.of("1", "3"), List.of("4")), calls);
            assertEquals("5", mapping.checkpoint("shard-1"), "the filter's last drop is processed too");
            assertEquals(2, mapping.delivered().size());
        } finally {
            mapping.close();
        }
    }

    @Test
    void aReportedFailureIsRetriedFromThatRecordAndWhatStillFailsGoesToTheDestination() throws Exception {
        // Record 2 fails once, record 3 always: 1 and 2 succeed in the end; after 2 retries the rest of the batch goes
        // to the destination.
        List<String> failedOnce = new ArrayList<>();
        StreamMapping mapping = mapping(source(10, 2), Checkpoints.inMemory(STREAM), true, ids -> {
            if (ids.contains("2") && !failedOnce.contains("2")) {
                failedOnce.add("2");
                return "2";
            }
            return ids.contains("3") ? "3" : null;
        });
        try {
            mapping.offer("shard-1", List.of(record(1, "PRODUCT"), record(2, "PRODUCT"), record(3, "PRODUCT"),
                    record(4, "PRODUCT")));
            awaitIdle(mapping);
            assertEquals(List.of(List.of("1", "2", "3", "4"), List.of("2", "3", "4"), List.of("3", "4")), calls);
            assertEquals(List.of("3", "4"), failed.stream().map(r -> r.getDynamodb().getSequenceNumber()).toList(),
                    "a batch that still fails goes to the destination whole, as in Lambda");
            assertEquals("4", mapping.checkpoint("shard-1"));
        } finally {
            mapping.close();
        }
    }

    @Test
    void recordsAtOrBeforeTheCheckpointOrAlreadyQueuedAreNotDeliveredAgain(@TempDir Path dir) throws Exception {
        Checkpoints saved = Checkpoints.inDirectory(dir, "Fn-T", STREAM);
        saved.advance("shard-1", "2");
        StreamMapping mapping = mapping(source(10, 0), Checkpoints.inDirectory(dir, "Fn-T", STREAM), false, ids -> null);
        try {
            mapping.offer("shard-1", List.of(record(1, "PRODUCT"), record(2, "PRODUCT"), record(3, "PRODUCT")));
            mapping.offer("shard-1", List.of(record(3, "PRODUCT"), record(10, "PRODUCT")));
            awaitIdle(mapping);
            List<String> delivered = calls.stream().flatMap(List::stream).toList();
            assertEquals(List.of("3", "10"), delivered);
            assertEquals("10", Checkpoints.inDirectory(dir, "Fn-T", STREAM).get("shard-1"), "saved for the next start");
            assertEquals(Map.of(), Checkpoints.inDirectory(dir, "Fn-T", STREAM + "-new").all(), "another stream starts over");
            IllegalStateException notKept = assertThrows(IllegalStateException.class, mapping::delivered);
            assertTrue(notKept.getMessage().contains("withKeepDeliveredBatches"), notKept.getMessage());
        } finally {
            mapping.close();
        }
    }

    private StreamMapping mapping(Template.StreamSource source, Checkpoints checkpoints, boolean keep,
                                  Function<List<String>, String> firstFailure) {
        Template.Function definition = new Template.Function("Fn", "test::handleRequest", 10, Map.of(), List.of(),
                List.of(source), List.of(), List.of());
        RequestHandler<DynamodbEvent, StreamsEventResponse> handler = (event, context) -> {
            List<String> ids = event.getRecords().stream().map(r -> r.getDynamodb().getSequenceNumber()).toList();
            calls.add(ids);
            String failure = firstFailure.apply(ids);
            return new StreamsEventResponse(failure == null ? List.of()
                    : List.of(new StreamsEventResponse.BatchItemFailure(failure)));
        };
        LocalFunction function = new LocalFunction(definition, "eu-central-1", environment -> handler);
        StreamMapping mapping = new StreamMapping("Fn-T", function, source, STREAM, "eu-central-1", checkpoints, failed, keep,
                new StreamActivity());
        mapping.start();
        return mapping;
    }

    private static Template.StreamSource source(int batchSize, int retries) {
        return new Template.StreamSource("T", batchSize, "TRIM_HORIZON", retries, true, true, List.of(PRODUCTS_ONLY),
                "arn:aws:sqs:eu-central-1:000000000000:Failures");
    }

    private static Record record(int sequence, String sk) {
        return Record.builder().eventID("e" + sequence).eventName(OperationType.INSERT)
                .dynamodb(StreamRecord.builder().sequenceNumber(Integer.toString(sequence)).sizeBytes(10L)
                        .streamViewType("NEW_IMAGE")
                        .keys(Map.of("pk", AttributeValue.fromS("P#" + sequence), "sk", AttributeValue.fromS(sk))).build())
                .build();
    }

    private static void awaitIdle(StreamMapping mapping) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!mapping.idle() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(mapping.idle(), "the mapping did not finish within 30 s");
    }
}
