package io.shopcare.local;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The API port: the template's HttpApi routes served as API Gateway (payload 2.0) would serve
 * them, on Jetty. Every answer is a function's or one in the contract's error shape; slow
 * clients hold no thread; one line per request is logged.
 */
final class HttpGateway implements AutoCloseable {
    /** API Gateway's quota: request line and header values together at most 10 KiB. */
    static final int MAX_REQUEST_HEADER_BYTES = 10 * 1024;
    private final LoopbackServer server;
    private final RequestLine requestLog;

    /** Binds the port now (0 picks a free one), so links can name it before the functions are built. */
    HttpGateway(int port) {
        this(port, LoopbackServer.IDLE_TIMEOUT, System.out);
    }

    /** @param requestLog where the request lines go (printed once {@link #logRequests} is on) */
    HttpGateway(int port, Duration idleTimeout, PrintStream requestLog) {
        this.requestLog = new RequestLine(requestLog, false);
        this.server = new LoopbackServer("api", port, MAX_REQUEST_HEADER_BYTES, idleTimeout);
        server.jetty().setErrorHandler(new JsonErrorHandler());
        server.jetty().setRequestLog(this.requestLog);
    }

    int port() {
        return server.port();
    }

    InetSocketAddress boundAddress() {
        return server.boundAddress();
    }

    /** Starts answering; requests that arrived since the port was bound are served now. */
    void serve(RouteTable routes, CorsPolicy cors, AdminAuthorizer authorizer) {
        server.jetty().setHandler(new GatewayHandler(routes, cors, authorizer, server.jetty().getThreadPool()));
        server.start();
    }

    /** Request lines are printed once the stack is up (demo data loading is not the user's traffic). */
    void logRequests(boolean enabled) {
        requestLog.enable(enabled);
    }

    @Override
    public void close() {
        server.stop();
    }
}
