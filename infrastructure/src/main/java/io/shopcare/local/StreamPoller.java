package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * An event source mapping for one DynamoDB stream: polls every shard in order, drops records the
 * FilterCriteria reject, delivers {@link DynamodbEvent} batches and honours the function's
 * {@link StreamsEventResponse} (retry from the first failed record), bounded retries and bisection;
 * what still fails goes to the on-failure destination (kept in memory and logged).
 */
final class StreamPoller implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Template.StreamSource source;
    private final LocalFunction function;
    private final EventFilter filter;
    private final String region;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Map<String, String> lastSequence = new HashMap<>();
    private final List<String> closedShards = new ArrayList<>();
    private final List<DynamodbEvent.DynamodbStreamRecord> failed;
    private final AtomicLong quietPasses = new AtomicLong();
    private final AtomicLong passes = new AtomicLong();
    private final List<DynamodbEvent> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;

    StreamPoller(DynamoDbStreamsClient streams, String streamArn, Template.StreamSource source, LocalFunction function,
                 String region, List<DynamodbEvent.DynamodbStreamRecord> failed) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.source = source;
        this.function = function;
        this.filter = new EventFilter(source.filterPatterns());
        this.region = region;
        this.failed = failed;
        this.thread = new Thread(this::run, "stream-" + function.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Number of passes over all shards so far. */
    long passes() {
        return passes.get();
    }

    /** Number of consecutive passes over all shards that found nothing to deliver. */
    long quietPasses() {
        return quietPasses.get();
    }

    private void run() {
        long passes = 0;
        while (running) {
            try {
                if (passes++ % 20 == 0 || iterators.isEmpty()) {
                    discoverShards();
                }
                boolean delivered = false;
                for (String shard : new ArrayList<>(iterators.keySet())) {
                    delivered |= poll(shard);
                }
                if (delivered) {
                    quietPasses.set(0);
                } else {
                    quietPasses.incrementAndGet();
                }
                this.passes.incrementAndGet();
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("stream poller " + function.name() + ": " + e.getMessage());
                    quietPasses.set(0);
                }
            }
        }
    }

    private void discoverShards() {
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
            String id = shard.shardId();
            if (iterators.containsKey(id) || closedShards.contains(id)) {
                continue;
            }
            // A child shard is read from its start; the first shards honour StartingPosition.
            ShardIteratorType type = shard.parentShardId() != null || "TRIM_HORIZON".equals(source.startingPosition())
                    ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.LATEST;
            iterators.put(id, streams.getShardIterator(r -> r.streamArn(streamArn).shardId(id).shardIteratorType(type))
                    .shardIterator());
        }
    }

    /** Reads the shard once; true if anything was delivered. */
    private boolean poll(String shard) throws InterruptedException {
        GetRecordsResponse response;
        try {
            response = streams.getRecords(r -> r.shardIterator(iterators.get(shard)).limit(1000));
        } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
            // A fresh iterator from where this consumer stopped (DynamoDB Local invalidates
            // iterators of one shard when several consumers read it).
            String last = lastSequence.get(shard);
            iterators.put(shard, streams.getShardIterator(r -> {
                r.streamArn(streamArn).shardId(shard);
                if (last == null) {
                    r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                } else {
                    r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last);
                }
            }).shardIterator());
            return false;
        }
        if (response.nextShardIterator() == null) {
            iterators.remove(shard);
            closedShards.add(shard);
        } else {
            iterators.put(shard, response.nextShardIterator());
        }
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (Record record : response.records()) {
            lastSequence.put(shard, record.dynamodb().sequenceNumber());
            if (filter.matches(filterView(record))) {
                records.add(toLambda(record));
            }
        }
        deliver(records);
        return !response.records().isEmpty();
    }

    private void deliver(List<DynamodbEvent.DynamodbStreamRecord> records) throws InterruptedException {
        int size = source.batchSize();
        int attempts = 0;
        while (!records.isEmpty() && running) {
            List<DynamodbEvent.DynamodbStreamRecord> batch = new ArrayList<>(records.subList(0, Math.min(size, records.size())));
            DynamodbEvent event = new DynamodbEvent();
            event.setRecords(batch);
            delivered.add(event);
            int done;
            try {
                StreamsEventResponse response = (StreamsEventResponse) function.invoke(event);
                done = firstFailure(batch, response);
            } catch (RuntimeException e) {
                System.err.println(function.name() + " failed on a batch of " + batch.size() + ": " + e);
                done = 0;
                if (source.bisectOnError() && size > 1) {
                    size = Math.max(1, batch.size() / 2);
                }
            }
            records.subList(0, done).clear();
            if (done == batch.size()) {
                attempts = 0;
                size = source.batchSize();
                continue;
            }
            attempts++;
            if (source.maximumRetryAttempts() >= 0 && attempts > source.maximumRetryAttempts()) {
                List<DynamodbEvent.DynamodbStreamRecord> dropped = records.subList(0, Math.min(size, records.size()));
                System.out.println("on-failure destination " + source.onFailure() + ": " + dropped.size()
                        + " records, first sequence " + dropped.get(0).getDynamodb().getSequenceNumber());
                failed.addAll(dropped);
                dropped.clear();
                attempts = 0;
            } else {
                Thread.sleep(Math.min(1000, 50L << attempts));
            }
        }
    }

    String functionName() {
        return function.name();
    }

    /** Every batch handed to the function (retries included), for tests that replay a delivery. */
    List<DynamodbEvent> delivered() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    /** How many leading records of the batch succeeded (Lambda checkpoints before the first failure). */
    private int firstFailure(List<DynamodbEvent.DynamodbStreamRecord> batch, StreamsEventResponse response) {
        if (!source.reportBatchItemFailures() || response == null || response.getBatchItemFailures() == null
                || response.getBatchItemFailures().isEmpty()) {
            return batch.size();
        }
        int first = batch.size();
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).getDynamodb().getSequenceNumber().equals(failure.getItemIdentifier())) {
                    first = Math.min(first, i);
                }
            }
        }
        return first;
    }

    private Map<String, Object> filterView(Record record) {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        if (record.dynamodb().hasKeys()) {
            dynamodb.put("Keys", json(record.dynamodb().keys()));
        }
        if (record.dynamodb().hasNewImage()) {
            dynamodb.put("NewImage", json(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            dynamodb.put("OldImage", json(record.dynamodb().oldImage()));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("eventName", record.eventNameAsString());
        view.put("eventSource", "aws:dynamodb");
        view.put("awsRegion", region);
        view.put("dynamodb", dynamodb);
        return view;
    }

    private static Map<String, Object> json(Map<String, AttributeValue> item) {
        Map<String, Object> json = new LinkedHashMap<>();
        item.forEach((name, value) -> json.put(name, json(value)));
        return json;
    }

    private static Map<String, Object> json(AttributeValue value) {
        return switch (value.type()) {
            case S -> Map.of("S", value.s());
            case N -> Map.of("N", value.n());
            case BOOL -> Map.of("BOOL", value.bool());
            case NUL -> Map.of("NULL", true);
            case M -> Map.of("M", json(value.m()));
            case L -> Map.of("L", value.l().stream().map(StreamPoller::json).toList());
            case SS -> Map.of("SS", value.ss());
            case NS -> Map.of("NS", value.ns());
            default -> Map.of("B", "binary");
        };
    }

    private DynamodbEvent.DynamodbStreamRecord toLambda(Record record) {
        StreamRecord stream = new StreamRecord();
        var source = record.dynamodb();
        if (source.hasKeys()) {
            stream.setKeys(convert(source.keys()));
        }
        if (source.hasNewImage()) {
            stream.setNewImage(convert(source.newImage()));
        }
        if (source.hasOldImage()) {
            stream.setOldImage(convert(source.oldImage()));
        }
        stream.setSequenceNumber(source.sequenceNumber());
        stream.setSizeBytes(source.sizeBytes());
        stream.setStreamViewType(
                com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
                        source.streamViewTypeAsString()));
        if (source.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        DynamodbEvent.DynamodbStreamRecord lambda = new DynamodbEvent.DynamodbStreamRecord();
        lambda.setEventID(record.eventID());
        lambda.setEventName(record.eventNameAsString());
        lambda.setEventVersion("1.1");
        lambda.setEventSource("aws:dynamodb");
        lambda.setAwsRegion(region);
        lambda.setEventSourceARN(streamArn);
        lambda.setDynamodb(stream);
        return lambda;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> convert(
            Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> converted =
                new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, convert(value)));
        return converted;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue convert(AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case BOOL -> out.setBOOL(v.bool());
            case NUL -> out.setNULL(true);
            case M -> out.setM(convert(v.m()));
            case L -> out.setL(v.l().stream().map(StreamPoller::convert).toList());
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case B -> out.setB(v.b().asByteBuffer());
            case BS -> out.setBS(v.bs().stream().map(SdkBytes::asByteBuffer).map(ByteBuffer::asReadOnlyBuffer).toList());
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    static List<DynamodbEvent.DynamodbStreamRecord> failureList() {
        return new CopyOnWriteArrayList<>();
    }
}
