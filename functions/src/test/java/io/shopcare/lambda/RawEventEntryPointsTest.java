package io.shopcare.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.json.Json;
import io.shopcare.streams.StreamHandler;
import io.shopcare.streams.StreamRecord;
import io.shopcare.streams.StreamBatchProcessor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lambda calls the handlers' stream entry point with the event's JSON; callers holding event
 * objects call the other one. Both must read the same request and give the same answer.
 */
class RawEventEntryPointsTest {
    private static final String BODY = "{\"email\": \"a@example.com\"}";

    /** Answers with what it read of the request, so both entry points can be compared. */
    private static final class Echo extends JsonApiHandler {
        @Override
        protected ApiResponse handle(ApiRequest request) {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("method", request.method());
            seen.put("path", request.path());
            seen.put("header", request.header("X-Shop"));
            seen.put("sku", request.pathId("sku"));
            seen.put("limit", request.limit());
            seen.put("body", request.body());
            return ApiResponse.ok(seen);
        }
    }

    private static final String PAYLOAD = """
            {"version": "2.0", "routeKey": "POST /skus/{sku}/alerts", "rawPath": "/skus/SJ-M/alerts",
             "rawQueryString": "limit=5", "headers": {"x-shop": "demo", "content-type": "application/json"},
             "queryStringParameters": {"limit": "5"}, "pathParameters": {"sku": "SJ-M"},
             "requestContext": {"http": {"method": "post", "path": "/skus/SJ-M/alerts"}},
             "body": "%s", "isBase64Encoded": true}"""
            .formatted(Base64.getEncoder().encodeToString(BODY.getBytes(StandardCharsets.UTF_8)));

    private static APIGatewayV2HTTPEvent sameEventAsObject() {
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST /skus/{sku}/alerts").withRawPath("/skus/SJ-M/alerts")
                .withHeaders(Map.of("x-shop", "demo", "content-type", "application/json"))
                .withQueryStringParameters(Map.of("limit", "5")).withPathParameters(Map.of("sku", "SJ-M"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("post").build()).build())
                .withBody(Base64.getEncoder().encodeToString(BODY.getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(true).build();
    }

    private static Map<String, Object> viaStream(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler,
                                                 String json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, (Context) null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anHttpEventReadsAndAnswersAlikeThroughBothEntryPoints() throws IOException {
        Map<String, Object> raw = viaStream(new Echo(), PAYLOAD);
        APIGatewayV2HTTPResponse object = new Echo().handleRequest(sameEventAsObject(), null);

        assertEquals(Map.of("method", "POST", "path", "/skus/SJ-M/alerts", "header", "demo", "sku", "SJ-M",
                "limit", 5, "body", BODY), Json.parseObject((String) raw.get("body")));
        assertEquals(object.getBody(), raw.get("body"));
        assertEquals(200, ((Number) raw.get("statusCode")).intValue());
        assertEquals(object.getHeaders(), raw.get("headers"));
        assertEquals(false, raw.get("isBase64Encoded"));
    }

    @Test
    void aRefusalReadFromTheRawEventIsTheContractsErrorShape() throws IOException {
        Map<String, Object> raw = viaStream(new Echo(), PAYLOAD.replace("\"sku\": \"SJ-M\"", "\"sku\": \"not ok\""));
        assertEquals(400, ((Number) raw.get("statusCode")).intValue());
        Map<String, Object> error = Json.parseObject((String) raw.get("body"));
        assertEquals("sku", ((List<?>) ((Map<?, ?>) error.get("error")).get("details")).stream()
                .map(d -> ((Map<?, ?>) d).get("field")).findFirst().orElseThrow());
    }

    @Test
    void aStreamBatchIsReadFromTheRawEventAndReportsItsFailedRecords() throws IOException {
        List<StreamRecord> seen = new ArrayList<>();
        StreamHandler handler = new StreamHandler() {
            @Override
            protected List<String> process(List<StreamRecord> records, Context context) {
                return StreamBatchProcessor.eachRecord(records, context, record -> {
                    seen.add(record);
                    if ("2".equals(record.sequenceNumber())) {
                        throw new IllegalStateException("record 2 fails");
                    }
                });
            }
        };
        Map<String, Object> answer = viaStream(handler, """
                {"Records": [
                  {"eventName": "MODIFY", "dynamodb": {"SequenceNumber": "1",
                    "Keys": {"pk": {"S": "PRODUCT#p"}, "sk": {"S": "PRODUCT"}},
                    "NewImage": {"pk": {"S": "PRODUCT#p"}, "version": {"N": "3"}, "flag": {"BOOL": true}},
                    "OldImage": {"doc": {"S": "{}"}}}},
                  {"eventName": "REMOVE", "dynamodb": {"SequenceNumber": "2", "Keys": {"pk": {"S": "PRODUCT#q"}}}}
                ]}""");

        assertEquals(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "2"))), answer);
        assertEquals(2, seen.size());
        assertEquals("PRODUCT", seen.get(0).key("sk"));
        assertEquals("3", seen.get(0).newImage("version"));
        assertEquals(null, seen.get(0).newImage("flag"));
        assertEquals("{}", seen.get(0).oldImage("doc"));
        assertEquals(null, seen.get(1).newImage("pk"));
    }
}
