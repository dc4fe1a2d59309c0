package io.shopcare.streams;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.shopcare.json.Json;
import io.shopcare.lambda.SnapStartHooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Resource;

/**
 * Base of every DynamoDB stream handler, with two entry points and one behaviour. Lambda calls the
 * stream one (its runtime prefers the {@code (InputStream, OutputStream, Context)} overload): the
 * batch is read with our one JSON library, and the runtime's Jackson-based event deserializer
 * (and the joda-time it loads for every event class) never runs. The event-object one serves
 * callers that hold a {@code DynamodbEvent}.
 */
public abstract class StreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, RequestStreamHandler {
    private final SnapStartHooks snapStart = SnapStartHooks.register(SnapStartHooks.invoking(this, this::primingEvent),
            () -> { });

    /** This handler's SnapStart hooks (tests and the cold-start bench call them as Lambda would). */
    public final Resource snapStartHooks() {
        return snapStart;
    }

    /**
     * What SnapStart priming sends through this handler's own path before the snapshot; it must
     * change nothing. By default an empty batch (the JSON and logging paths); a handler whose
     * record about something that cannot exist is read and then skipped names that batch instead.
     */
    protected String primingEvent() {
        return "{\"Records\": []}";
    }

    /** A batch of one stream record, its keys and new image string attributes, for {@link #primingEvent}. */
    protected static String primingRecord(Map<String, String> keys, Map<String, String> newImage) {
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("SequenceNumber", "0");
        stream.put("Keys", typed(keys));
        stream.put("NewImage", typed(newImage));
        return Json.write(Map.of("Records", List.of(Map.of("eventName", "MODIFY", "dynamodb", stream))));
    }

    private static Map<String, Object> typed(Map<String, String> attributes) {
        Map<String, Object> typed = new LinkedHashMap<>();
        attributes.forEach((name, value) -> typed.put(name, Map.of("S", value)));
        return typed;
    }

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
