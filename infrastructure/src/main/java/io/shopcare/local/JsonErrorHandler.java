package io.shopcare.local;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error path (requests it could not parse: bad request line, header, URI or
 * Content-Length, oversized headers; or a handler that threw) answered in the contract's error
 * shape instead of Jetty's HTML page.
 */
final class JsonErrorHandler implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = null;
        Object cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        if (cause instanceof HttpException httpException) {
            status = httpException.getCode();
            reason = httpException.getReason();
        }
        GatewayError error = GatewayError.forStatus(status, reason);
        if (error.status() == 500 && cause instanceof Throwable failure) {
            System.err.println("request " + request.getMethod() + " failed in the server: " + failure);
        }
        // Jetty closes the connection after this answer (it did not read the rest of the request): say so,
        // or a client that pools connections sends its next request on a closed one and gets no answer.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        error.send(response, callback);
        return true;
    }
}
