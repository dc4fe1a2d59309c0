package io.shopcare.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty server as every port of the local stack has one: bound to 127.0.0.1 only (nothing on
 * the network can reach a developer's stack), daemon threads (a forgotten close cannot keep the
 * JVM alive) and an idle timeout that cuts stalled connections.
 */
final class LoopbackServer {
    static final String HOST = "127.0.0.1";
    /** Connections that send nothing for this long are closed; clients that stall cannot pile up. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Server server;
    private final ServerConnector connector;

    /**
     * Binds the port at once (0 picks a free one), so the URL is known before the handler is;
     * connections wait in the backlog until {@link #start()}.
     */
    LoopbackServer(String name, int port, int maxRequestHeaderBytes) {
        this(name, port, maxRequestHeaderBytes, IDLE_TIMEOUT);
    }

    LoopbackServer(String name, int port, int maxRequestHeaderBytes, Duration idleTimeout) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName(name);
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(maxRequestHeaderBytes);
        // %2F in a path segment is data (API Gateway decodes it into the path parameter); the
        // handlers split raw paths and decode each segment themselves.
        http.setUriCompliance(UriCompliance.DEFAULT.with("local-stack",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(HOST);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        server.addConnector(connector);
        // Stopping closes open connections at once (keep-alive clients would otherwise hold a graceful stop).
        server.setStopTimeout(0);
        try {
            connector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot listen on " + HOST + ":" + port, e);
        }
    }

    Server jetty() {
        return server;
    }

    int port() {
        return connector.getLocalPort();
    }

    /** The address the listening socket is bound to, as the operating system reports it. */
    InetSocketAddress boundAddress() {
        try {
            return (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start() {
        try {
            server.start();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start the server on port " + port(), e);
        }
    }

    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("server on port " + port() + " did not stop cleanly: " + e);
        }
    }
}
