package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** A DynamoDB Streams record in the two shapes Lambda uses: the JSON it filters and the event it delivers. */
final class StreamRecords {
    private StreamRecords() {
    }

    /** The record as FilterCriteria patterns see it (DynamoDB JSON: every N is a string). */
    static Map<String, Object> filterView(Record record, String region) {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        if (record.dynamodb().hasKeys()) {
            dynamodb.put("Keys", json(record.dynamodb().keys()));
        }
        if (record.dynamodb().hasNewImage()) {
            dynamodb.put("NewImage", json(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            dynamodb.put("OldImage", json(record.dynamodb().oldImage()));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("eventName", record.eventNameAsString());
        view.put("eventSource", "aws:dynamodb");
        view.put("awsRegion", region);
        view.put("dynamodb", dynamodb);
        return view;
    }

    private static Map<String, Object> json(Map<String, AttributeValue> item) {
        Map<String, Object> json = new LinkedHashMap<>();
        item.forEach((name, value) -> json.put(name, json(value)));
        return json;
    }

    private static Map<String, Object> json(AttributeValue value) {
        return switch (value.type()) {
            case S -> Map.of("S", value.s());
            case N -> Map.of("N", value.n());
            case BOOL -> Map.of("BOOL", value.bool());
            case NUL -> Map.of("NULL", true);
            case M -> Map.of("M", json(value.m()));
            case L -> Map.of("L", value.l().stream().map(StreamRecords::json).toList());
            case SS -> Map.of("SS", value.ss());
            case NS -> Map.of("NS", value.ns());
            default -> Map.of("B", "binary");
        };
    }

    /** The record as Lambda hands it to a function (a fresh object: handlers may keep or change it). */
    static DynamodbEvent.DynamodbStreamRecord toLambda(Record record, String streamArn, String region) {
        StreamRecord stream = new StreamRecord();
        var source = record.dynamodb();
        if (source.hasKeys()) {
            stream.setKeys(convert(source.keys()));
        }
        if (source.hasNewImage()) {
            stream.setNewImage(convert(source.newImage()));
        }
        if (source.hasOldImage()) {
            stream.setOldImage(convert(source.oldImage()));
        }
        stream.setSequenceNumber(source.sequenceNumber());
        stream.setSizeBytes(source.sizeBytes());
        stream.setStreamViewType(
                com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
                        source.streamViewTypeAsString()));
        if (source.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        DynamodbEvent.DynamodbStreamRecord lambda = new DynamodbEvent.DynamodbStreamRecord();
        lambda.setEventID(record.eventID());
        lambda.setEventName(record.eventNameAsString());
        lambda.setEventVersion("1.1");
        lambda.setEventSource("aws:dynamodb");
        lambda.setAwsRegion(region);
        lambda.setEventSourceARN(streamArn);
        lambda.setDynamodb(stream);
        return lambda;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> convert(
            Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> converted =
                new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, convert(value)));
        return converted;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue convert(AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case BOOL -> out.setBOOL(v.bool());
            case NUL -> out.setNULL(true);
            case M -> out.setM(convert(v.m()));
            case L -> out.setL(v.l().stream().map(StreamRecords::convert).toList());
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case B -> out.setB(v.b().asByteBuffer());
            case BS -> out.setBS(v.bs().stream().map(SdkBytes::asByteBuffer).map(ByteBuffer::asReadOnlyBuffer).toList());
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return out;
    }

    /** DynamoDB sequence numbers are decimal strings of varying length: compare them as numbers. */
    static int compareSequence(String a, String b) {
        return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
    }
}
