package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * One event source mapping (a function's DynamoDB event): takes the records its stream's
 * {@link StreamReader} hands over, drops what its FilterCriteria reject, delivers
 * {@link DynamodbEvent} batches of at most BatchSize records of one shard in order, honours the
 * function's {@link StreamsEventResponse} (retry from the first failed record), bounded retries
 * and bisection, sends what still fails to the on-failure destination (kept in memory and
 * logged), and checkpoints per shard after every batch that succeeded. Its own thread, so a
 * slow or failing function never holds up the other mappings of the stream.
 */
final class StreamMapping implements AutoCloseable {
    private static final int MAX_CHUNK = 1000;
    private final String name;
    private final LocalFunction function;
    private final Template.StreamSource source;
    private final String streamArn;
    private final String region;
    private final EventFilter filter;
    private final Checkpoints checkpoints;
    private final List<DynamodbEvent.DynamodbStreamRecord> failed;
    private final List<DynamodbEvent> delivered;
    private final StreamActivity activity;
    private final Deque<Entry> queue = new ArrayDeque<>();
    /** The newest sequence number handed over per shard, so a re-read after an iterator reset is not queued twice. */
    private final Map<String, String> offered = new HashMap<>();
    private final Thread thread;
    private boolean busy;
    private boolean paused;
    private volatile boolean running = true;

    /** A record and the shard it was read from. */
    record Entry(String shard, Record record) {
        String sequenceNumber() {
            return record.dynamodb().sequenceNumber();
        }
    }

    StreamMapping(String name, LocalFunction function, Template.StreamSource source, String streamArn, String region,
                  Checkpoints checkpoints, List<DynamodbEvent.DynamodbStreamRecord> failed, boolean keepDelivered,
                  StreamActivity activity) {
        this.name = name;
        this.function = function;
        this.source = source;
        this.streamArn = streamArn;
        this.region = region;
        this.filter = new EventFilter(source.filterPatterns());
        this.checkpoints = checkpoints;
        this.failed = failed;
        this.delivered = keepDelivered ? Collections.synchronizedList(new ArrayList<>()) : null;
        this.activity = activity;
        this.thread = new Thread(this::run, "stream-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String functionName() {
        return function.name();
    }

    Template.StreamSource source() {
        return source;
    }

    /** Where this mapping resumes in the shard: the last sequence number it processed, or null. */
    String checkpoint(String shard) {
        return checkpoints.get(shard);
    }

    void retainShards(Set<String> existing) {
        checkpoints.retainOnly(existing);
    }

    /** Queues records read from a shard, skipping those processed before (checkpoint) or already queued. */
    synchronized void offer(String shard, List<Record> records) {
        String after = newest(checkpoints.get(shard), offered.get(shard));
        boolean added = false;
        for (Record record : records) {
            String sequence = record.dynamodb().sequenceNumber();
            if (after == null || StreamRecords.compareSequence(sequence, after) > 0) {
                queue.addLast(new Entry(shard, record));
                after = sequence;
                added = true;
            }
        }
        if (after != null) {
            offered.put(shard, after);
        }
        if (added) {
            notifyAll();
        }
    }

    private static String newest(String a, String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return StreamRecords.compareSequence(a, b) >= 0 ? a : b;
    }

    /** Nothing queued and nothing being delivered. */
    synchronized boolean idle() {
        return queue.isEmpty() && !busy;
    }

    /** Test hook: while paused, queued records wait (as if the function's poller had stalled). */
    synchronized void pause(boolean pause) {
        this.paused = pause;
        notifyAll();
    }

    /** Every batch handed to the function (retries included), when the stack keeps them. */
    List<DynamodbEvent> delivered() {
        if (delivered == null) {
            throw new IllegalStateException("delivered batches are not kept; start the stack with "
                    + "LocalStackOptions.withKeepDeliveredBatches(true) (forTests() does)");
        }
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    private void run() {
        while (running) {
            List<Entry> chunk;
            try {
                chunk = next();
            } catch (InterruptedException e) {
                return;
            }
            try {
                process(chunk);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The records stay unprocessed (no checkpoint): they are offered again after a restart.
                System.err.println("stream mapping " + name + ": " + e);
            } finally {
                synchronized (this) {
                    busy = false;
                }
                activity.touch();
            }
        }
    }

    /** Waits for records and takes the leading run of one shard (batches never mix shards). */
    private synchronized List<Entry> next() throws InterruptedException {
        while (queue.isEmpty() || paused) {
            if (!running) {
                throw new InterruptedException("stopped");
            }
            wait();
        }
        busy = true;
        List<Entry> chunk = new ArrayList<>();
        String shard = queue.peekFirst().shard();
        while (!queue.isEmpty() && queue.peekFirst().shard().equals(shard) && chunk.size() < MAX_CHUNK) {
            chunk.add(queue.pollFirst());
        }
        return chunk;
    }

    private void process(List<Entry> chunk) throws InterruptedException {
        String shard = chunk.get(0).shard();
        List<Entry> matched = new ArrayList<>();
        for (Entry entry : chunk) {
            if (filter.matches(StreamRecords.filterView(entry.record(), region))) {
                matched.add(entry);
            }
        }
        if (deliver(shard, matched)) {
            // Records the filter dropped after the last delivered one are processed too.
            checkpoints.advance(shard, chunk.get(chunk.size() - 1).sequenceNumber());
        }
    }

    /** Delivers the records in order with Lambda's retry rules; false if stopped before the end. */
    private boolean deliver(String shard, List<Entry> records) throws InterruptedException {
        int size = source.batchSize();
        int attempts = 0;
        int next = 0;
        while (next < records.size()) {
            if (!running) {
                return false;
            }
            List<Entry> batch = records.subList(next, Math.min(next + size, records.size()));
            List<DynamodbEvent.DynamodbStreamRecord> lambdaRecords = batch.stream()
                    .map(e -> StreamRecords.toLambda(e.record(), streamArn, region)).toList();
            DynamodbEvent event = new DynamodbEvent();
            event.setRecords(new ArrayList<>(lambdaRecords));
            if (delivered != null) {
                delivered.add(event);
            }
            int done;
            try {
                StreamsEventResponse response = (StreamsEventResponse) function.invoke(event);
                done = succeeded(lambdaRecords, response);
            } catch (RuntimeException e) {
                System.err.println(function.name() + " failed on a batch of " + batch.size() + ": " + e);
                done = 0;
                if (source.bisectOnError() && size > 1) {
                    size = Math.max(1, batch.size() / 2);
                }
            }
            if (done > 0) {
                next += done;
                checkpoints.advance(shard, records.get(next - 1).sequenceNumber());
            }
            if (done == batch.size()) {
                attempts = 0;
                size = source.batchSize();
                continue;
            }
            attempts++;
            if (source.maximumRetryAttempts() >= 0 && attempts > source.maximumRetryAttempts()) {
                int end = Math.min(next + size, records.size());
                List<DynamodbEvent.DynamodbStreamRecord> dropped = records.subList(next, end).stream()
                        .map(e -> StreamRecords.toLambda(e.record(), streamArn, region)).toList();
                sendToFailureDestination(dropped);
                next = end;
                checkpoints.advance(shard, records.get(next - 1).sequenceNumber());
                attempts = 0;
            } else {
                Thread.sleep(Math.min(1000, 50L << attempts));
            }
        }
        return running;
    }

    /**
     * What Lambda does with records that still fail: sends them to the on-failure destination, with
     * the function's role (so the grant counts as used, and a missing one shows).
     */
    private void sendToFailureDestination(List<DynamodbEvent.DynamodbStreamRecord> dropped) {
        FunctionRole role = function.role();
        if (role != null && source.onFailure() != null) {
            IamPolicy.Outcome outcome = role.policy().evaluate(new IamPolicy.Request("sqs:SendMessage", source.onFailure()));
            if (!outcome.allowed()) {
                System.err.println(function.name() + " may not send to its on-failure destination " + source.onFailure()
                        + " (no sqs:SendMessage in its policies): " + dropped.size() + " records are lost");
                return;
            }
            IamUsage.record(role.function(), "sqs:SendMessage", outcome.resource());
        }
        System.out.println("on-failure destination " + source.onFailure() + ": " + dropped.size()
                + " records of " + function.name() + ", first sequence " + dropped.get(0).getDynamodb().getSequenceNumber());
        failed.addAll(dropped);
    }

    /** How many leading records of the batch succeeded (Lambda checkpoints before the first failure). */
    private int succeeded(List<DynamodbEvent.DynamodbStreamRecord> batch, StreamsEventResponse response) {
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

    /** Asks the mapping to stop after the batch in flight (nothing beyond it is checkpointed). */
    void stop() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Gives the batch in flight until the deadline to finish, then interrupts it. */
    void awaitStop(long deadlineNanos) {
        try {
            thread.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    @Override
    public void close() {
        stop();
        awaitStop(System.nanoTime());
    }
}
