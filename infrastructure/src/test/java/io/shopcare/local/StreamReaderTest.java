package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The shared stream reader against a scripted stream of two shards (a closed parent and its
 * child): shard order, resuming from the earliest checkpoint of its mappings, and what it does
 * with checkpoints the stream no longer has or has trimmed.
 */
class StreamReaderTest {
    private static final String STREAM = "arn:aws:dynamodb:eu-central-1:000000000000:table/T/stream/local";

    /** Shard s1 (closed: records 1-3) and its child s2 (open: records 4-5); iterators are "shard:position". */
    private static final class ScriptedStream implements DynamoDbStreamsClient {
        final Map<String, List<Integer>> shards = Map.of("s1", List.of(1, 2, 3), "s2", List.of(4, 5));
        final List<String> iteratorRequests = new CopyOnWriteArrayList<>();
        volatile int trimmedBelow;

        @Override
        public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
            return DescribeStreamResponse.builder().streamDescription(d -> d.streamArn(STREAM).shards(
                    Shard.builder().shardId("s1").build(), Shard.builder().shardId("s2").parentShardId("s1").build())).build();
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            iteratorRequests.add(request.shardId() + " " + request.shardIteratorTypeAsString()
                    + (request.sequenceNumber() == null ? "" : " " + request.sequenceNumber()));
            List<Integer> records = shards.get(request.shardId());
            int position = switch (request.shardIteratorType()) {
                case AFTER_SEQUENCE_NUMBER -> {
                    int after = Integer.parseInt(request.sequenceNumber());
                    if (after < trimmedBelow) {
                        throw TrimmedDataAccessException.builder().message("trimmed").build();
                    }
                    yield (int) records.stream().filter(r -> r <= after).count();
                }
                case LATEST -> records.size();
                default -> 0;
            };
            return GetShardIteratorResponse.builder().shardIterator(request.shardId() + ":" + position).build();
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            String shard = request.shardIterator().split(":")[0];
            int position = Integer.parseInt(request.shardIterator().split(":")[1]);
            List<Integer> all = shards.get(shard);
            List<Record> records = new ArrayList<>();
            for (int i = position; i < all.size(); i++) {
                records.add(record(all.get(i)));
            }
            boolean closed = shard.equals("s1");
            return GetRecordsResponse.builder().records(records)
                    .nextShardIterator(closed && position + records.size() >= all.size() && records.isEmpty() ? null
                            : shard + ":" + all.size()).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theParentShardIsReadToTheEndBeforeItsChildAndEveryMappingGetsEveryRecord() throws Exception {
        ScriptedStream stream = new ScriptedStream();
        List<List<String>> first = new CopyOnWriteArrayList<>();
        List<List<String>> second = new CopyOnWriteArrayList<>();
        StreamMapping a = mapping("A", Checkpoints.inMemory(STREAM), first);
        StreamMapping b = mapping("B", Checkpoints.inMemory(STREAM), second);
        StreamReader reader = new StreamReader(stream, "T", STREAM, false, List.of(a, b), new StreamActivity());
        reader.start();
        try {
            await(() -> flat(first).size() == 5 && flat(second).size() == 5 && a.idle() && b.idle());
            assertEquals(List.of("1", "2", "3", "4", "5"), flat(first));
            assertEquals(List.of("1", "2", "3", "4", "5"), flat(second));
            assertTrue(first.stream().noneMatch(batch -> batch.contains("3") && batch.contains("4")), "batches never mix shards");
            assertEquals("s1 TRIM_HORIZON", stream.iteratorRequests.get(0));
            assertEquals(List.of("s1 TRIM_HORIZON", "s2 TRIM_HORIZON"), List.copyOf(stream.iteratorRequests),
                    "s2 only after s1 ended; a child is read from its start");
        } finally {
            reader.close();
            a.close();
            b.close();
        }
    }

    @Test
    void readingResumesAfterTheEarliestCheckpointAndEachMappingAfterItsOwn() throws Exception {
        ScriptedStream stream = new ScriptedStream();
        Checkpoints behind = Checkpoints.inMemory(STREAM);
        behind.advance("s1", "1");
        behind.advance("gone", "7");
        Checkpoints ahead = Checkpoints.inMemory(STREAM);
        ahead.advance("s1", "3");
        List<List<String>> first = new CopyOnWriteArrayList<>();
        List<List<String>> second = new CopyOnWriteArrayList<>();
        StreamMapping a = mapping("A", behind, first);
        StreamMapping b = mapping("B", ahead, second);
        StreamReader reader = new StreamReader(stream, "T", STREAM, false, List.of(a, b), new StreamActivity());
        reader.start();
        try {
            await(() -> flat(first).size() == 4 && flat(second).size() == 2 && a.idle() && b.idle());
            assertEquals(List.of("2", "3", "4", "5"), flat(first));
            assertEquals(List.of("4", "5"), flat(second));
            assertEquals("s1 AFTER_SEQUENCE_NUMBER 1", stream.iteratorRequests.get(0));
            assertEquals(Map.of("s1", "3", "s2", "5"), behind.all(), "a shard the stream no longer has is forgotten");
        } finally {
            reader.close();
            a.close();
            b.close();
        }
    }

    @Test
    void aCheckpointInTrimmedRecordsFallsBackToTheOldestRecordLeft() throws Exception {
        ScriptedStream stream = new ScriptedStream();
        stream.trimmedBelow = 2;
        Checkpoints old = Checkpoints.inMemory(STREAM);
        old.advance("s1", "1");
        List<List<String>> delivered = new CopyOnWriteArrayList<>();
        StreamMapping a = mapping("A", old, delivered);
        StreamReader reader = new StreamReader(stream, "T", STREAM, false, List.of(a), new StreamActivity());
        reader.start();
        try {
            await(() -> flat(delivered).size() == 4 && a.idle());
            assertEquals(List.of("s1 AFTER_SEQUENCE_NUMBER 1", "s1 TRIM_HORIZON"), stream.iteratorRequests.subList(0, 2));
            assertEquals(List.of("2", "3", "4", "5"), flat(delivered), "records up to the checkpoint are still skipped");
        } finally {
            reader.close();
            a.close();
        }
    }

    private static StreamMapping mapping(String name, Checkpoints checkpoints, List<List<String>> calls) {
        Template.StreamSource source = new Template.StreamSource("T", 100, "TRIM_HORIZON", 0, true, false, List.of(), null);
        RequestHandler<DynamodbEvent, StreamsEventResponse> handler = (event, context) -> {
            calls.add(event.getRecords().stream().map(r -> r.getDynamodb().getSequenceNumber()).toList());
            return new StreamsEventResponse(List.of());
        };
        LocalFunction function = new LocalFunction(new Template.Function(name, "test::handleRequest", 10, Map.of(), List.of(),
                List.of(source), List.of(), List.of()), "eu-central-1", environment -> handler);
        StreamMapping mapping = new StreamMapping(name, function, source, STREAM, "eu-central-1", checkpoints,
                new CopyOnWriteArrayList<>(), false, new StreamActivity());
        mapping.start();
        return mapping;
    }

    private static Record record(int sequence) {
        return Record.builder().eventID("e" + sequence).eventName(OperationType.INSERT)
                .dynamodb(StreamRecord.builder().sequenceNumber(Integer.toString(sequence)).sizeBytes(1L)
                        .streamViewType("KEYS_ONLY").keys(Map.of("pk", AttributeValue.fromS("k" + sequence))).build())
                .build();
    }

    private static List<String> flat(List<List<String>> batches) {
        return batches.stream().flatMap(List::stream).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean(), "not reached within 30 s");
    }
}
