package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Every DynamoDB event source of the template: one {@link StreamMapping} per function and table,
 * one {@link StreamReader} per stream (and starting position) feeding its mappings, checkpoints in
 * {@code DATA_DIR/stream-checkpoints} when the stack keeps data.
 */
final class StreamTriggers implements AutoCloseable {
    private final List<StreamReader> readers = new ArrayList<>();
    private final List<StreamMapping> mappings = new ArrayList<>();
    private final List<DynamodbEvent.DynamodbStreamRecord> failed = new CopyOnWriteArrayList<>();
    private final StreamActivity activity = new StreamActivity();
    private final Consumer<String> wakeOnWrite = this::written;

    /** A function's stream source and the ARN of its table's stream. */
    record Source(LocalFunction function, Template.StreamSource source, String streamArn) {
    }

    StreamTriggers(DynamoDbStreamsClient streams, List<Source> sources, String region, Path dataDir,
                   boolean keepDelivered) {
        Map<String, List<StreamMapping>> byStream = new LinkedHashMap<>();
        Map<String, Integer> names = new HashMap<>();
        for (Source s : sources) {
            String base = s.function().name() + "-" + s.source().tableLogicalId();
            int n = names.merge(base, 1, Integer::sum);
            String name = n == 1 ? base : base + "-" + n;
            Checkpoints checkpoints = dataDir == null ? Checkpoints.inMemory(s.streamArn())
                    : Checkpoints.inDirectory(dataDir.resolve("stream-checkpoints"), name, s.streamArn());
            StreamMapping mapping = new StreamMapping(name, s.function(), s.source(), s.streamArn(), region,
                    checkpoints, failed, keepDelivered, activity);
            mappings.add(mapping);
            boolean latest = "LATEST".equals(s.source().startingPosition());
            byStream.computeIfAbsent(s.source().tableLogicalId() + "|" + s.streamArn() + "|" + latest,
                    k -> new ArrayList<>()).add(mapping);
        }
        byStream.forEach((key, group) -> {
            String[] parts = key.split("\\|");
            readers.add(new StreamReader(streams, parts[0], parts[1], Boolean.parseBoolean(parts[2]), group, activity));
        });
        TableWrites.listen(wakeOnWrite);
        mappings.forEach(StreamMapping::start);
        readers.forEach(StreamReader::start);
    }

    private void written(String table) {
        for (StreamReader reader : readers) {
            if (table == null || reader.tableName().equals(table)) {
                reader.wakeUp();
            }
        }
    }

    /**
     * Waits until every record written before this call, and every record those deliveries wrote
     * in turn, has been delivered: all mappings idle, and each reader's last pass found nothing
     * and began after this call and after the last delivery.
     */
    void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<StreamReader, Long> startedAt = new HashMap<>();
        readers.forEach(r -> startedAt.put(r, r.passes()));
        activity.startWaiting();
        try {
            readers.forEach(StreamReader::wakeUp);
            while (System.nanoTime() < deadline) {
                // Mappings first: a delivery marks its activity before it reports idle, so a reader
                // pass seen as quiet afterwards began after that delivery's writes.
                if (mappings.stream().allMatch(StreamMapping::idle)
                        && readers.stream().allMatch(r -> r.passes() >= startedAt.get(r) + 2 && r.quietSinceLastActivity())) {
                    return;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            activity.stopWaiting();
        }
        throw new IllegalStateException("stream consumers did not become idle within " + timeout);
    }

    List<DynamodbEvent> deliveredBatches(String functionLogicalId) {
        return mappings.stream().filter(m -> m.functionName().equals(functionLogicalId))
                .flatMap(m -> m.delivered().stream()).toList();
    }

    List<DynamodbEvent.DynamodbStreamRecord> failedRecords() {
        return List.copyOf(failed);
    }

    /** Test hook: stops (or resumes) handing records to the functions; reading goes on. */
    void pauseDelivery(boolean pause) {
        mappings.forEach(m -> m.pause(pause));
    }

    @Override
    public void close() {
        TableWrites.stopListening(wakeOnWrite);
        readers.forEach(StreamReader::close);
        // Batches in flight get a moment to finish, so a clean stop does not cut a handler short.
        mappings.forEach(StreamMapping::stop);
        long deadline = System.nanoTime() + 2_000_000_000L;
        mappings.forEach(m -> m.awaitStop(deadline));
    }
}
