package io.shopcare.streams;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.shopcare.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Base of every DynamoDB stream handler, with two entry points and one behaviour. Lambda calls the
 * stream one (its runtime prefers the {@code (InputStream, OutputStream, Context)} overload): the
 * batch is read with our one JSON library, and the runtime's Jackson-based event deserializer
 * (and the joda-time it loads for every event class) never runs. The event-object one serves
 * callers that hold a {@code DynamodbEvent}.
 */
public abstract class StreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, RequestStreamHandler {

    @Override
    public final StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<String> failed = process(StreamRecord.of(event), context);
        return StreamsEventResponse.builder().withBatchItemFailures(failed.stream()
                .map(id -> StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(id).build()).toList())
                .build();
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<StreamRecord> records = StreamRecord.fromJson(
                Json.parseObject(new String(input.readAllBytes(), StandardCharsets.UTF_8)));
        List<String> failed = process(records, context);
        output.write(Json.write(Map.of("batchItemFailures",
                failed.stream().map(id -> Map.of("itemIdentifier", id)).toList())).getBytes(StandardCharsets.UTF_8));
    }

    /** Handles the batch (through {@link StreamBatchProcessor}); returns the sequence numbers of failed records. */
    protected abstract List<String> process(List<StreamRecord> records, Context context);
}
