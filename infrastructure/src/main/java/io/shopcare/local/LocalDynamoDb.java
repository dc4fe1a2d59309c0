package io.shopcare.local;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * DynamoDB Local in this JVM, in server mode, so handlers reach it over HTTP as they would reach
 * AWS. Its Jetty server is built here rather than by its ServerRunner: that one listens on every
 * interface and prints its configuration; this one listens on 127.0.0.1 only, prints nothing,
 * never starts telemetry, and signals writes to the stream readers ({@link WriteSignallingHandler}).
 */
final class LocalDynamoDb implements AutoCloseable {
    private static final String STREAM_JOBS = "com.amazonaws.services.dynamodbv2.local.shared.jobs.";
    private final LoopbackServer server;
    private final LocalDynamoDBServerHandler handler;

    private LocalDynamoDb(LoopbackServer server, LocalDynamoDBServerHandler handler) {
        this.server = server;
        this.handler = handler;
    }

    /**
     * In memory (one database per credentials and region, as {@code -inMemory}) without a data
     * dir; with one, one shared database file in it (as {@code -sharedDb -dbPath DIR}).
     */
    static LocalDynamoDb start(Path dataDir) {
        QuietLogging.apply();
        LocalDynamoDBServerHandler handler;
        try {
            boolean inMemory = dataDir == null;
            // Its handler also wakes the stream readers after writes from other processes (the AWS CLI).
            handler = new WriteSignallingHandler(new LocalDynamoDBRequestHandler(0, inMemory,
                    inMemory ? null : dataDir.toString(), !inMemory, false));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
        // Its requests are AWS JSON with large batches; the header limit is Jetty's usual one.
        LoopbackServer server = new LoopbackServer("dynamodb-local", 0, 8 * 1024);
        // The same wiring as DynamoDB Local's own DynamoDBProxyServer.setUpHandler.
        server.jetty().setHandler(new ContextHandler(handler));
        try {
            server.start();
        } catch (RuntimeException e) {
            handler.close();
            throw e;
        }
        return new LocalDynamoDb(server, handler);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    InetSocketAddress boundAddress() {
        return server.boundAddress();
    }

    /** Stops the server and the streams job thread, which would otherwise keep the JVM alive for minutes. */
    @Override
    public void close() {
        server.stop();
        handler.close();
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
