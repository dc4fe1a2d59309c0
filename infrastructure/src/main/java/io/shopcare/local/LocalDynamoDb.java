package io.shopcare.local;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/** DynamoDB Local in this JVM, in server mode, so handlers reach it over HTTP as they would reach AWS. */
final class LocalDynamoDb implements AutoCloseable {
    private static final String STREAM_JOBS = "com.amazonaws.services.dynamodbv2.local.shared.jobs.";
    private final DynamoDBProxyServer server;
    private final int port;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * In memory (as {@code -inMemory}) without a data dir; with one, one shared database file in it
     * (as {@code -sharedDb -dbPath DIR}). Built here rather than by its ServerRunner, so its handler
     * can signal writes to the stream readers ({@link WriteSignallingHandler}); no telemetry either.
     */
    static LocalDynamoDb start(Path dataDir) {
        int port = freePort();
        boolean inMemory = dataDir == null;
        try {
            DynamoDBProxyServer server = new DynamoDBProxyServer(port, new WriteSignallingHandler(
                    new LocalDynamoDBRequestHandler(0, inMemory, inMemory ? null : dataDir.toString(), !inMemory, false)));
            server.start();
            return new LocalDynamoDb(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the server and the streams job thread, which would otherwise keep the JVM alive for minutes. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("DynamoDB Local did not stop cleanly: " + e.getMessage());
        }
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : thread.getValue()) {
                if (frame.getClassName().startsWith(STREAM_JOBS)) {
                    thread.getKey().interrupt();
                    break;
                }
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
