package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.shopcare.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sample in events/ is an event some function of template.yaml receives: read with the Lambda
 * runtime's event names into the type that function takes, an HTTP sample's route declared, a stream
 * sample's table streamed to a function whose FilterCriteria let its records through. A sample that
 * no function would get (a renamed route, a filter that changed) fails here, not in someone's
 * {@code sam local invoke}.
 */
class EventSamplesTest {
    private static final Path PROJECT = LocalStack.findProjectDir();

    @Test
    void everySampleIsAnEventAFunctionOfTheTemplateReceives() throws IOException {
        Template template = Template.load(PROJECT.resolve("template.yaml"), "eu-central-1");
        Map<String, List<String>> receivers = new TreeMap<>();
        try (Stream<Path> files = Files.list(PROJECT.resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                receivers.put(file.getFileName().toString(), receivers(template, Files.readAllBytes(file)));
            }
        }
        List<String> unused = receivers.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        assertEquals(List.of(), unused, "samples no function of the template receives");
        assertEquals(List.of("OrderBacklogFunction", "OrderMailFunction"),
                receivers.get("orders-stream-order-change.json"), "the orders stream's two consumers");
        assertEquals(List.of("OrderDeadlinesFunction"), receivers.get("order-deadlines-schedule.json"));
        assertTrue(receivers.get("get-order.json").contains("OrderFunction"), receivers.toString());
    }

    @Test
    void theOrdersStreamSampleHoldsAnInsertAndModifiesOfOneOrderWithBothImages() throws IOException {
        DynamodbEvent event = (DynamodbEvent) LambdaPayloads.read(DynamodbEvent.class,
                Files.readAllBytes(PROJECT.resolve("events/orders-stream-order-change.json")));
        assertEquals(List.of("INSERT", "MODIFY", "MODIFY"),
                event.getRecords().stream().map(DynamodbEvent.DynamodbStreamRecord::getEventName).toList());
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var stream = record.getDynamodb();
            assertEquals("ORDER#261122-7K3QH2XD", stream.getKeys().get("pk").getS());
            assertEquals("NEW_AND_OLD_IMAGES", stream.getStreamViewType());
            assertTrue(stream.getNewImage().get("doc").getS().startsWith("{\"orderId\":\"261122-7K3QH2XD\""));
            assertEquals(record.getEventName().equals("MODIFY"), stream.getOldImage() != null);
        }
    }

    /** The functions of the template that receive this sample; empty for none. */
    @SuppressWarnings("unchecked")
    private static List<String> receivers(Template template, byte[] sample) {
        Map<String, Object> json = Json.parseObject(new String(sample, java.nio.charset.StandardCharsets.UTF_8));
        List<String> receivers = new ArrayList<>();
        if (json.containsKey("routeKey")) {
            APIGatewayV2HTTPEvent event = (APIGatewayV2HTTPEvent) LambdaPayloads.read(APIGatewayV2HTTPEvent.class, sample);
            for (Template.Function function : template.functions()) {
                if (function.routes().stream().anyMatch(r -> r.routeKey().equals(event.getRouteKey()))) {
                    receivers.add(function.logicalId());
                }
            }
            return receivers;
        }
        if ("Scheduled Event".equals(json.get("detail-type"))) {
            ScheduledEvent event = (ScheduledEvent) LambdaPayloads.read(ScheduledEvent.class, sample);
            assertFalse(event.getResources().isEmpty());
            String rule = event.getResources().get(0);
            for (Template.Function function : template.functions()) {
                String name = function.logicalId().replace("Function", "");
                if (!function.schedules().isEmpty() && rule.endsWith("-" + name)) {
                    receivers.add(function.logicalId());
                }
            }
            return receivers;
        }
        List<Map<String, Object>> records = (List<Map<String, Object>>) json.getOrDefault("Records", List.of());
        assertFalse(records.isEmpty(), "a sample with neither a route, a schedule nor records");
        if ("aws:sns".equals(records.get(0).get("EventSource"))) {
            SNSEvent event = (SNSEvent) LambdaPayloads.read(SNSEvent.class, sample);
            assertFalse(event.getRecords().isEmpty());
            template.functions().stream().filter(f -> !f.topics().isEmpty()).forEach(f -> receivers.add(f.logicalId()));
            return receivers;
        }
        assertEquals("aws:dynamodb", records.get(0).get("eventSource"), "an unknown kind of sample");
        DynamodbEvent event = (DynamodbEvent) LambdaPayloads.read(DynamodbEvent.class, sample);
        assertEquals(records.size(), event.getRecords().size());
        String arn = (String) records.get(0).get("eventSourceARN");
        String table = arn.substring(arn.indexOf(":table/") + 7, arn.indexOf("/stream/"));
        for (Template.Function function : template.functions()) {
            for (Template.StreamSource source : function.streams()) {
                EventFilter filter = new EventFilter(source.filterPatterns());
                if (source.tableLogicalId().equals(table) && records.stream().allMatch(filter::matches)) {
                    receivers.add(function.logicalId());
                }
            }
        }
        return receivers;
    }
}
