package io.shopcare.local;

import io.shopcare.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every (function, action, resource) the local stack allowed, for the check that each function is
 * granted only what it uses. With the system property {@value #FILE_PROPERTY} set (the test build
 * sets it), the union is written to that file when the JVM ends, merged under a file lock with what
 * other JVMs of the same build ({@value #BUILD_PROPERTY}) wrote; a file of an earlier build is replaced.
 */
final class IamUsage {
    static final String FILE_PROPERTY = "shopcare.iam.usage";
    static final String BUILD_PROPERTY = "shopcare.build.id";
    private static final Set<Use> USES = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    /** One permission in use. */
    record Use(String function, String action, String resource) {
    }

    private IamUsage() {
    }

    static void record(String function, String action, String resource) {
        if (USES.add(new Use(function, action, resource)) && !hooked) {
            hook();
        }
    }

    static Set<Use> recorded() {
        return Set.copyOf(USES);
    }

    private static synchronized void hook() {
        String file = System.getProperty(FILE_PROPERTY);
        if (hooked || file == null) {
            hooked = true;
            return;
        }
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(file)), "iam-usage"));
    }

    /** Adds this JVM's uses to the file (same build) or replaces it (an earlier build). */
    static void write(Path file) {
        String build = System.getProperty(BUILD_PROPERTY, "");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                Set<Use> all = new TreeSet<>(Comparator.comparing(Use::function).thenComparing(Use::action)
                        .thenComparing(Use::resource));
                all.addAll(USES);
                Map<String, Object> saved = read(channel);
                if (build.equals(saved.get("build"))) {
                    all.addAll(uses(saved));
                }
                List<Map<String, String>> written = new ArrayList<>();
                for (Use use : all) {
                    written.add(Map.of("function", use.function(), "action", use.action(), "resource", use.resource()));
                }
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("build", build);
                document.put("uses", written);
                byte[] bytes = Json.write(document).getBytes(StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(bytes), 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the IAM usage to " + file, e);
        }
    }

    /** The uses a file holds, with its build id. */
    static Map<String, Object> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IAM usage in " + file, e);
        }
    }

    private static Map<String, Object> read(FileChannel channel) throws IOException {
        if (channel.size() == 0) {
            return Map.of();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
        channel.read(buffer, 0);
        return Json.parseObject(new String(buffer.array(), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static Set<Use> uses(Map<String, Object> document) {
        Set<Use> uses = new HashSet<>();
        for (Object use : (List<Object>) document.getOrDefault("uses", List.of())) {
            Map<String, Object> u = (Map<String, Object>) use;
            uses.add(new Use(String.valueOf(u.get("function")), String.valueOf(u.get("action")),
                    String.valueOf(u.get("resource"))));
        }
        return uses;
    }
}
