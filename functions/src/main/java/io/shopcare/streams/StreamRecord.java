package io.shopcare.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a DynamoDB stream record that handlers read: its sequence number (what a partial
 * batch failure names) and the string and number attributes of its keys and images. Read either
 * from the event's JSON as Lambda delivers it or from an event object.
 */
public record StreamRecord(String sequenceNumber, Map<String, String> keys, Map<String, String> newImage,
                           Map<String, String> oldImage) {

    /** A string (or number) attribute of the keys, or null. */
    public String key(String name) {
        return keys.get(name);
    }

    /** A string (or number) attribute of the new image, or null (a removal has none). */
    public String newImage(String name) {
        return newImage.get(name);
    }

    /** A string (or number) attribute of the old image, or null (an insertion has none). */
    public String oldImage(String name) {
        return oldImage.get(name);
    }

    /** The records of a {@code DynamodbEvent} JSON document ({@code {"Records": [{"dynamodb": {...}}]}}). */
    public static List<StreamRecord> fromJson(Map<String, Object> event) {
        List<StreamRecord> records = new ArrayList<>();
        if (event.get("Records") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> record && record.get("dynamodb") instanceof Map<?, ?> stream) {
                    records.add(new StreamRecord(stream.get("SequenceNumber") instanceof String s ? s : null,
                            attributes(stream.get("Keys")), attributes(stream.get("NewImage")),
                            attributes(stream.get("OldImage"))));
                }
            }
        }
        return records;
    }

    public static List<StreamRecord> of(DynamodbEvent event) {
        List<StreamRecord> records = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if (record.getDynamodb() != null) {
                records.add(new StreamRecord(record.getDynamodb().getSequenceNumber(),
                        attributes(record.getDynamodb().getKeys()), attributes(record.getDynamodb().getNewImage()),
                        attributes(record.getDynamodb().getOldImage())));
            }
        }
        return records;
    }

    /** {@code {"name": {"S": "text"}}} and {@code {"name": {"N": "12"}}}; other types are left out. */
    private static Map<String, String> attributes(Object image) {
        Map<String, String> attributes = new HashMap<>();
        if (image instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (name instanceof String n && value instanceof Map<?, ?> typed) {
                    Object text = typed.get("S") != null ? typed.get("S") : typed.get("N");
                    if (text instanceof String t) {
                        attributes.put(n, t);
                    }
                }
            });
        }
        return attributes;
    }

    private static Map<String, String> attributes(Map<String, AttributeValue> image) {
        Map<String, String> attributes = new HashMap<>();
        if (image != null) {
            image.forEach((name, value) -> {
                String text = value.getS() != null ? value.getS() : value.getN();
                if (text != null) {
                    attributes.put(name, text);
                }
            });
        }
        return attributes;
    }
}
