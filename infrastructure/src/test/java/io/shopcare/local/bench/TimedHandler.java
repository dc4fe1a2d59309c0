package io.shopcare.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.http.JsonApiHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An HTTP function's handler, timed from the event to the answer: what Lambda reports as an
 * invocation's Duration, without the gateway and the event's JSON around it. The bench sends one
 * request at a time, so the last invocation's time is the request's.
 */
final class TimedHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, RequestStreamHandler {
    private final JsonApiHandler handler;
    private volatile long lastNanos;

    TimedHandler(JsonApiHandler handler) {
        this.handler = handler;
    }

    long lastNanos() {
        return lastNanos;
    }

    /** The runtime's (and the local stack's) way in: the event's JSON. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long start = System.nanoTime();
        try {
            handler.handleRequest(input, output, context);
        } finally {
            lastNanos = System.nanoTime() - start;
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long start = System.nanoTime();
        try {
            return handler.handleRequest(event, context);
        } finally {
            lastNanos = System.nanoTime() - start;
        }
    }
}
