package io.shopcare.local;

import java.io.PrintStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * One line per request: {@code GET /products/rain-poncho 200 14 ms}. The query string is left
 * out on purpose: it carries tokens (confirm and unsubscribe links).
 */
final class RequestLine implements RequestLog {
    private final PrintStream out;
    private volatile boolean enabled;

    RequestLine(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void log(Request request, Response response) {
        if (!enabled) {
            return;
        }
        out.println(format(request.getMethod(), request.getHttpURI().getPath(), response.getStatus(),
                (System.nanoTime() - request.getBeginNanoTime()) / 1_000_000));
    }

    static String format(String method, String path, int status, long millis) {
        return (method == null || method.isEmpty() ? "-" : method) + " " + (path == null || path.isEmpty() ? "/" : path)
                + " " + status + " " + Math.max(0, millis) + " ms";
    }
}
