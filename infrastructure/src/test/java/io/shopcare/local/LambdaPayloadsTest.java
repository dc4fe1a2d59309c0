package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.shopcare.availability.aws.InventoryStreamHandler;
import io.shopcare.availability.aws.ProductDetailHandler;
import io.shopcare.digest.aws.WeeklyDigestHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payloads in and answers out as the Lambda Java runtime (de)serializes them. */
class LambdaPayloadsTest {

    @Test
    void theInputAndOutputTypesComeFromTheHandlersRequestHandlerArguments() {
        assertEquals(DynamodbEvent.class, LambdaPayloads.handlerTypeArgument(InventoryStreamHandler.class, 0));
        assertEquals(StreamsEventResponse.class, LambdaPayloads.handlerTypeArgument(InventoryStreamHandler.class, 1));
        assertEquals(APIGatewayV2HTTPEvent.class, LambdaPayloads.handlerTypeArgument(ProductDetailHandler.class, 0),
                "found through the JsonApiHandler superclass");
        assertEquals(ScheduledEvent.class, LambdaPayloads.handlerTypeArgument(WeeklyDigestHandler.class, 0));
        assertEquals(null, LambdaPayloads.handlerTypeArgument(Object.class, 0));
    }

    @Test
    void aSampleStreamEventIsReadWithTheRuntimesEventNames() throws Exception {
        byte[] sample = Files.readAllBytes(LocalStack.findProjectDir().resolve("events/inventory-stream-product-change.json"));
        DynamodbEvent event = (DynamodbEvent) LambdaPayloads.read(DynamodbEvent.class, sample);
        assertEquals(false, event.getRecords().isEmpty());
        assertEquals("aws:dynamodb", event.getRecords().get(0).getEventSource());
        assertInstanceOf(Map.class, event.getRecords().get(0).getDynamodb().getKeys());
    }

    @Test
    void answersAreWrittenAsTheRuntimeWritesThem() {
        assertEquals("{\"batchItemFailures\":[]}", text(LambdaPayloads.write(StreamsEventResponse.class,
                new StreamsEventResponse(List.of()))));
        assertEquals("3", text(LambdaPayloads.write(Integer.class, 3)));
        assertEquals("null", text(LambdaPayloads.write(Integer.class, null)));
        String http = text(LambdaPayloads.write(APIGatewayV2HTTPResponse.class,
                APIGatewayV2HTTPResponse.builder().withStatusCode(404).withBody("{}").build()));
        assertEquals(404, ((Number) io.shopcare.json.Json.parseObject(http).get("statusCode")).intValue(), http);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
