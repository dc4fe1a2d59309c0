package io.shopcare.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Stands in for a stream function of the local stack and keeps what it was given, untouched: the
 * records the real handler would have consumed stay unconsumed, for a fresh JVM to handle.
 */
final class RecordingStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final BlockingQueue<DynamodbEvent.DynamodbStreamRecord> records = new LinkedBlockingQueue<>();

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        records.addAll(event.getRecords());
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    /** The next record delivered that {@code wanted} accepts (others are dropped), waiting up to {@code timeout}. */
    DynamodbEvent.DynamodbStreamRecord next(Duration timeout, Predicate<DynamodbEvent.DynamodbStreamRecord> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DynamodbEvent.DynamodbStreamRecord record = records.poll(Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            if (record == null) {
                throw new IllegalStateException("no wanted stream record arrived within " + timeout);
            }
            if (wanted.test(record)) {
                return record;
            }
        }
    }
}
