package io.shopcare.local.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bench command, not a test: starts the real jar ({@code infrastructure/target/shopcare-local.jar})
 * as a child process, reports how long it took to print its ready lines (with demo data unless
 * {@code --no-demo-data} is passed on), lets it settle, then samples the CPU time of the stack's JVM
 * (its process only, not the SES emulator's node) over an idle window and prints it as a share of
 * one core. Run from the repository root after packaging:
 * <pre>
 * java [-Dsettle=10] [-Djar=other.jar] -cp "infrastructure/target/test-classes" io.shopcare.local.bench.IdleCpuBenchmark [seconds] [jar flags...]
 * </pre>
 */
public final class IdleCpuBenchmark {
    /** After the ready lines, time for start-up work (JIT, first polls) to die down: -Dsettle=SECONDS. */
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("settle", 10));

    private IdleCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // -Djvm=... passes one option to the stack's JVM (e.g. to compare settings).
        if (System.getProperty("jvm") != null) {
            command.add(System.getProperty("jvm"));
        }
        // -Djar=... measures another build (e.g. the one before a change).
        command.addAll(List.of("-jar", System.getProperty("jar", "infrastructure/target/shopcare-local.jar"), "--port", Integer.toString(freePort()),
                "--ses-port", Integer.toString(freePort())));
        for (int i = 1; i < args.length; i++) {
            command.add(args[i]);
        }
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(100_000);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.offer(line);
                }
            } catch (IOException e) {
                lines.offer("reader failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String started = awaitLine(lines, "Started in");
            long ready = awaitReady(lines);
            System.out.printf("ready lines after %d ms from launch (the stack says: %s)%n",
                    (ready - launched) / 1_000_000, started);
            Thread.sleep(SETTLE.toMillis());
            ProcessHandle handle = process.toHandle();
            Duration before = cpu(handle);
            long from = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            Duration after = cpu(handle);
            long wall = System.nanoTime() - from;
            double share = 100.0 * after.minus(before).toNanos() / wall;
            System.out.printf("idle CPU of the stack's JVM over %d s (%d s after ready): %d ms of CPU = %.2f %% of one core%n",
                    seconds, SETTLE.toSeconds(), after.minus(before).toMillis(), share);
        } finally {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Duration cpu(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for "
                + handle.pid()));
    }

    private static long awaitReady(BlockingQueue<String> lines) throws InterruptedException {
        awaitLine(lines, "Admin token:");
        return System.nanoTime();
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("the jar printed no line starting with " + prefix);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
