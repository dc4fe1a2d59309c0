package io.shopcare.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local stack in a JVM of its own, for tests that kill it as {@code kill -9} would. The child
 * ({@link #main}) prints its URLs, then obeys commands on stdin: {@code idle} (wait until the
 * stream consumers are idle), {@code pause} (hold every stream delivery).
 */
public final class StackProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(100_000);
    private final Writer commands;
    private final String apiUrl;
    private final String sesUrl;
    private final String adminToken;

    private StackProcess(Process process) throws InterruptedException {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.offer(line);
                }
            } catch (IOException e) {
                lines.offer("reader failed: " + e);
            }
        }, "stack-process-output");
        reader.setDaemon(true);
        reader.start();
        this.apiUrl = awaitLine("API ");
        this.sesUrl = awaitLine("SES ");
        this.adminToken = awaitLine("TOKEN ");
    }

    /** Starts a stack on {@code dataDir} in a new JVM with this JVM's class path. */
    public static StackProcess start(Path dataDir) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classPath,
                "-Dshopcare.project.dir=" + LocalStack.findProjectDir(), StackProcess.class.getName(), dataDir.toString()));
        return new StackProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    public String apiUrl() {
        return apiUrl;
    }

    public String sesUrl() {
        return sesUrl;
    }

    public String adminToken() {
        return adminToken;
    }

    /** Sends a command and waits for its answer line. */
    public void command(String command) throws IOException, InterruptedException {
        commands.write(command + "\n");
        commands.flush();
        awaitLine(command.toUpperCase());
    }

    /** Kills the JVM as {@code kill -9} does: no shutdown hook, nothing closed. */
    public List<ProcessHandle> killHard() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stack's JVM did not die");
        }
        return children;
    }

    private String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
            if (line != null) {
                seen.append(line).append('\n');
            }
            if (line == null && !process.isAlive()) {
                break;
            }
        }
        throw new IllegalStateException("the stack process printed no line starting with '" + prefix + "':\n" + seen);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard().forEach(ProcessHandle::destroyForcibly);
        }
    }

    public static void main(String[] args) throws IOException {
        LocalStack.keepConnectionsAliveAsContainersWould();
        LocalStack stack = LocalStack.start(LocalStackOptions.forTests().withDataDir(Path.of(args[0])));
        System.out.println("API " + stack.apiUrl());
        System.out.println("SES " + stack.sesUrl());
        System.out.println("TOKEN " + stack.adminToken());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            switch (line.trim()) {
                case "idle" -> stack.awaitIdle(Duration.ofSeconds(60));
                case "pause" -> stack.pauseStreamDelivery(true);
                default -> {
                    System.out.println("unknown command " + line);
                    continue;
                }
            }
            System.out.println(line.trim().toUpperCase());
        }
        stack.close();
        System.exit(0);
    }
}
