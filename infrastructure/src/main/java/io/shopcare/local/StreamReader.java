package io.shopcare.local;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The one reader of a table's stream, shared by every mapping on it (one reader per stream and
 * starting position): reads each shard in order (a child only after its parent is read to the
 * end) from the earliest checkpoint of its mappings, and hands every record to each of them.
 * Polls right away while it finds records and wakes at once on every write: an in-process SDK
 * client's write to its table ({@link TableWrites}) or any write DynamoDB Local gets from another
 * process ({@link WriteSignallingHandler}). So when the stream is quiet the poll is only a safety
 * net, backing off from 20 ms to {@value #QUIET_MAX_MILLIS} ms: an idle stack costs next to no CPU
 * (each poll is a GetRecords of 2-10 ms CPU between client and DynamoDB Local).
 */
final class StreamReader implements AutoCloseable {
    static final long QUIET_MAX_MILLIS = 10_000;
    private static final long QUIET_FIRST_MILLIS = 20;
    private static final long EAGER_MILLIS = 10;
    /**
     * While the stream is busy (more than {@link #BUSY_RECORDS_PER_SECOND} records a second), a pass
     * that found records is followed by this pause, as Lambda's own pollers read a shard about four
     * times a second: each GetRecords then returns many records instead of a few, and the reader stops
     * competing with the writers for DynamoDB Local's one SQLite thread (a 10,000-alert wave spent a
     * third of that thread on GetRecords). A quieter stream is read again as soon as a write wakes
     * the reader, so a chain of handlers in a test is not slowed.
     */
    static final long BUSY_PACE_MILLIS = 250;
    /** Records per GetRecords, the most the API allows. */
    private static final int PAGE = 1000;
    static final int BUSY_RECORDS_PER_SECOND = 100;
    private static final long DISCOVER_EVERY_NANOS = 30_000_000_000L;
    /** Records read in the current one-second window and in the one before it (the reader's thread only). */
    private long rateWindowStart = System.nanoTime();
    private int rateWindowRecords;
    private int lastWindowRecords;
    private final DynamoDbStreamsClient streams;
    private final String tableName;
    private final String streamArn;
    private final boolean fromLatest;
    private final List<StreamMapping> mappings;
    private final StreamActivity activity;
    private final Map<String, Cursor> cursors = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final AtomicLong passes = new AtomicLong();
    private final Thread thread;
    private volatile long quietPasses;
    private volatile long quietSince = -1;
    private long lastDiscovery;
    private boolean rediscover = true;
    private int backoff;
    private boolean woken;
    /** The last pass read a full page or finished a shard: more may be readable without any new write. */
    private boolean moreAtOnce;
    private volatile boolean running = true;

    /** Where the reader is in one shard; the iterator is made when the shard may be read. */
    private static final class Cursor {
        final String parent;
        String iterator;
        String lastRead;

        Cursor(String parent) {
            this.parent = parent;
        }
    }

    StreamReader(DynamoDbStreamsClient streams, String tableName, String streamArn, boolean fromLatest,
                 List<StreamMapping> mappings, StreamActivity activity) {
        this.streams = streams;
        this.tableName = tableName;
        this.streamArn = streamArn;
        this.fromLatest = fromLatest;
        this.mappings = List.copyOf(mappings);
        this.activity = activity;
        this.thread = new Thread(this::run, "stream-reader-" + tableName + (fromLatest ? "-latest" : ""));
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String tableName() {
        return tableName;
    }

    List<StreamMapping> mappings() {
        return mappings;
    }

    /** Completed passes over the stream's shards. */
    long passes() {
        return passes.get();
    }

    /**
     * True when the last completed pass found nothing and began after the stack's last activity
     * (a read, or a delivery that may have written more records).
     */
    boolean quietSinceLastActivity() {
        return quietPasses > 0 && quietSince == activity.epoch();
    }

    /** Poll now (an in-process write to the table, or someone waiting for idleness). */
    void wakeUp() {
        synchronized (this) {
            woken = true;
            notifyAll();
        }
    }

    private void run() {
        while (running) {
            long epochAtStart = activity.epoch();
            boolean found = false;
            boolean paced = false;
            try {
                found = pass();
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("stream reader " + tableName + ": " + e);
                    rediscover = true;
                }
            }
            if (found) {
                quietPasses = 0;
                backoff = 0;
                activity.touch();
                if (busy()) {
                    if (!pace()) {
                        return;
                    }
                    paced = true;
                }
            } else if (quietPasses == 0 || quietSince != epochAtStart) {
                quietSince = epochAtStart;
                quietPasses = 1;
            } else {
                quietPasses++;
            }
            passes.incrementAndGet();
            // After records, only a full page or a finished shard is read again at once: the writes of
            // the handlers just fed wake the reader themselves (an empty re-poll was one read in seven).
            boolean again = found && (moreAtOnce || paced);
            moreAtOnce = false;
            if (!again && !pause(activity.awaited() ? EAGER_MILLIS : QUIET_FIRST_MILLIS << Math.min(backoff++, 9))) {
                return;
            }
        }
    }

    /** Whether the records of the last full second (or of the current one so far) exceed the busy rate. */
    private boolean busy() {
        long now = System.nanoTime();
        long elapsed = now - rateWindowStart;
        if (elapsed >= 1_000_000_000L) {
            // A window that ran long (a quiet spell since) says nothing about the last second.
            lastWindowRecords = elapsed < 2_000_000_000L ? rateWindowRecords : 0;
            rateWindowRecords = 0;
            rateWindowStart = now;
        }
        return Math.max(lastWindowRecords, rateWindowRecords) > BUSY_RECORDS_PER_SECOND;
    }

    /** The pause after a pass that found records; wake-ups do not shorten it. False when interrupted. */
    private boolean pace() {
        try {
            Thread.sleep(BUSY_PACE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Sleeps up to {@code millis} (at most the quiet maximum) unless woken; false when interrupted. */
    private synchronized boolean pause(long millis) {
        try {
            if (!woken) {
                wait(Math.min(millis, QUIET_MAX_MILLIS));
            }
            if (woken) {
                woken = false;
                backoff = 0;
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Reads every readable shard once; true if any records came. */
    private boolean pass() {
        if (rediscover || cursors.isEmpty() || System.nanoTime() - lastDiscovery > DISCOVER_EVERY_NANOS) {
            discover();
        }
        boolean found = false;
        for (Map.Entry<String, Cursor> shard : new ArrayList<>(cursors.entrySet())) {
            Cursor cursor = shard.getValue();
            if (cursor.parent == null || finished.contains(cursor.parent) || !cursors.containsKey(cursor.parent)) {
                found |= read(shard.getKey(), cursor);
            }
        }
        return found;
    }

    private void discover() {
        Set<String> existing = new HashSet<>();
        String start = null;
        do {
            String from = start;
            var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(from))
                    .streamDescription();
            for (Shard shard : description.shards()) {
                existing.add(shard.shardId());
                if (!cursors.containsKey(shard.shardId()) && !finished.contains(shard.shardId())) {
                    cursors.put(shard.shardId(), new Cursor(shard.parentShardId()));
                }
            }
            start = description.lastEvaluatedShardId();
        } while (start != null);
        // Shards the stream no longer lists were trimmed: nothing left to read or to resume in them.
        cursors.keySet().retainAll(existing);
        finished.retainAll(existing);
        mappings.forEach(m -> m.retainShards(existing));
        lastDiscovery = System.nanoTime();
        rediscover = false;
    }

    private boolean read(String shard, Cursor cursor) {
        if (cursor.iterator == null) {
            cursor.iterator = iterator(shard, cursor);
        }
        GetRecordsResponse response;
        try {
            String iterator = cursor.iterator;
            response = streams.getRecords(r -> r.shardIterator(iterator).limit(PAGE));
        } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
            cursor.iterator = null; // a fresh one from where this reader stopped, next pass
            return false;
        } catch (ResourceNotFoundException e) {
            cursors.remove(shard);
            rediscover = true;
            return false;
        }
        if (!response.records().isEmpty()) {
            rateWindowRecords += response.records().size();
            cursor.lastRead = response.records().get(response.records().size() - 1).dynamodb().sequenceNumber();
            for (StreamMapping mapping : mappings) {
                mapping.offer(shard, response.records());
            }
        }
        cursor.iterator = response.nextShardIterator();
        if (response.records().size() >= PAGE) {
            moreAtOnce = true;
        }
        if (cursor.iterator == null) {
            moreAtOnce = true;
            cursors.remove(shard);
            finished.add(shard);
            rediscover = true; // its children may be readable now
        }
        return !response.records().isEmpty();
    }

    /** After what was read already, else after the earliest checkpoint of the mappings, else the start position. */
    private String iterator(String shard, Cursor cursor) {
        String after = cursor.lastRead != null ? cursor.lastRead : earliestCheckpoint(shard);
        if (after != null) {
            try {
                return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after)).shardIterator();
            } catch (TrimmedDataAccessException e) {
                System.err.println("stream " + tableName + " shard " + shard + ": records after " + after
                        + " were trimmed; reading from the oldest left");
            }
        }
        // A child shard is read from its start; only the first shards honour StartingPosition LATEST.
        ShardIteratorType type = fromLatest && after == null && cursor.parent == null
                ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard).shardIteratorType(type))
                .shardIterator();
    }

    /** The earliest of the mappings' checkpoints in the shard; null if any mapping has none there. */
    private String earliestCheckpoint(String shard) {
        String earliest = null;
        for (StreamMapping mapping : mappings) {
            String checkpoint = mapping.checkpoint(shard);
            if (checkpoint == null) {
                return null;
            }
            if (earliest == null || StreamRecords.compareSequence(checkpoint, earliest) < 0) {
                earliest = checkpoint;
            }
        }
        return earliest;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
