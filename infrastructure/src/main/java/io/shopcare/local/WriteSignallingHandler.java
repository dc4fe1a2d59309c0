package io.shopcare.local;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * DynamoDB Local's own request handler, which after every write that did not come from an SDK
 * client of this JVM (those are signalled with their table by {@link TableWrites}), e.g. from the
 * AWS CLI, wakes the stream readers. So no write waits for a poll, and the readers can poll
 * rarely when the stack is idle. Its handling is synchronous: when it returns, the write is in.
 */
final class WriteSignallingHandler extends LocalDynamoDBServerHandler {

    WriteSignallingHandler(DynamoDBRequestHandler requests) {
        super(requests, null); // null: no CORS, DynamoDB Local is not for browsers
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String target = request.getHeaders().get("X-Amz-Target");
        boolean fromThisJvm = request.getHeaders().get(TableWrites.IN_PROCESS_HEADER) != null;
        boolean handled = super.handle(request, response, callback);
        if (!fromThisJvm && TableWrites.isWrite(target)) {
            TableWrites.writtenElsewhere();
        }
        return handled;
    }
}
