package io.shopcare.local;

import io.shopcare.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How far one stream mapping has got: per shard, the last sequence number whose batch succeeded
 * (or that its filter dropped). With a data dir it is a small JSON file replaced atomically after
 * every advance, so a {@code kill -9} loses at most the batch in flight, which is then delivered
 * again (at least once). No fsync: a killed process does not lose what the OS already holds.
 */
final class Checkpoints {
    private final Path file;
    private final String streamArn;
    private final Map<String, String> shards = new LinkedHashMap<>();

    private Checkpoints(Path file, String streamArn) {
        this.file = file;
        this.streamArn = streamArn;
    }

    static Checkpoints inMemory(String streamArn) {
        return new Checkpoints(null, streamArn);
    }

    /** Loads {@code dir/name.json}; checkpoints of another stream (the table was re-created) are dropped. */
    @SuppressWarnings("unchecked")
    static Checkpoints inDirectory(Path dir, String name, String streamArn) {
        Checkpoints checkpoints = new Checkpoints(dir.resolve(name + ".json"), streamArn);
        if (Files.exists(checkpoints.file)) {
            try {
                Map<String, Object> saved = Json.parseObject(Files.readString(checkpoints.file, StandardCharsets.UTF_8));
                if (streamArn.equals(saved.get("streamArn"))) {
                    ((Map<String, Object>) saved.get("shards")).forEach((shard, sequence) ->
                            checkpoints.shards.put(shard, String.valueOf(sequence)));
                } else {
                    System.err.println("stream " + streamArn + " is new for " + name + " (was " + saved.get("streamArn")
                            + "): reading it from the start");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the stream checkpoints " + checkpoints.file, e);
            }
        }
        return checkpoints;
    }

    /** The last sequence number processed in the shard, or null. */
    synchronized String get(String shard) {
        return shards.get(shard);
    }

    synchronized Map<String, String> all() {
        return Map.copyOf(shards);
    }

    /** Moves the shard's checkpoint forward (never back) and saves it. */
    synchronized void advance(String shard, String sequenceNumber) {
        String current = shards.get(shard);
        if (current != null && StreamRecords.compareSequence(sequenceNumber, current) <= 0) {
            return;
        }
        shards.put(shard, sequenceNumber);
        save();
    }

    /** Forgets shards the stream no longer has (trimmed), so the file does not grow forever. */
    synchronized void retainOnly(Set<String> existing) {
        if (shards.keySet().retainAll(existing)) {
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("streamArn", streamArn);
        document.put("shards", shards);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Json.write(document), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the stream checkpoints " + file, e);
        }
    }
}
