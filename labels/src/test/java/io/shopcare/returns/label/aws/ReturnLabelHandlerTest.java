package io.shopcare.returns.label.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.json.Json;
import io.shopcare.returns.label.InMemoryReturnLabels;
import io.shopcare.returns.label.LabelLinks;
import io.shopcare.returns.label.LabelPages;
import io.shopcare.returns.label.Labels;
import io.shopcare.returns.label.ReturnLabel;
import io.shopcare.signing.KeyRing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The label route as Lambda calls it: a PDF for a genuine link, the contract's 404 for anything else. */
class ReturnLabelHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final KeyRing KEYS = Labels.keys("k1");
    private static final ReturnLabel LABEL = Labels.english("RET-7K2M-9Q4X");
    private final ReturnLabelHandler handler = new ReturnLabelHandler(new InMemoryReturnLabels().add(LABEL), KEYS,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final LabelLinks links = new LabelLinks(KEYS);

    private String token(String orderId, String returnId, Instant expiresAt) {
        return links.token(orderId, returnId, expiresAt);
    }

    private static APIGatewayV2HTTPEvent request(String returnId, Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /returns/{returnId}/label")
                .withRawPath("/returns/" + returnId + "/label").withHeaders(Map.of("user-agent", "mail"))
                .withPathParameters(Map.of("returnId", returnId)).withQueryStringParameters(query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/returns/" + returnId + "/label").build()).build())
                .build();
    }

    @Test
    void aGenuineLinkAnswersThePdfInlineWithTheCodeInItsFileName() {
        String token = token(LABEL.orderId(), LABEL.returnId(), NOW.plus(Duration.ofDays(30)));
        // Trackers and mail clients add their own parameters: they are ignored.
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request(LABEL.returnId(), Map.of("token", token, "utm_source", "email")), null);

        assertEquals(200, response.getStatusCode());
        assertEquals("application/pdf", response.getHeaders().get("content-type"));
        assertEquals("inline; filename=\"return-RET-7K2M-9Q4X.pdf\"", response.getHeaders().get("content-disposition"));
        assertEquals("no-store", response.getHeaders().get("cache-control"));
        assertTrue(response.getIsBase64Encoded());
        byte[] pdf = Base64.getDecoder().decode(response.getBody());
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        assertEquals(LABEL.returnCode(), LabelPages.barcode(pdf, 150));
        assertTrue(LabelPages.text(pdf).contains(LABEL.orderId()));
    }

    @Test
    void theStreamEntryPointLambdaCallsAnswersTheSamePdfMarkedBase64() throws IOException {
        String token = token(LABEL.orderId(), LABEL.returnId(), NOW.plus(Duration.ofDays(30)));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "GET /returns/{returnId}/label");
        event.put("rawPath", "/returns/" + LABEL.returnId() + "/label");
        event.put("rawQueryString", "token=" + token);
        event.put("headers", Map.of());
        event.put("queryStringParameters", Map.of("token", token));
        event.put("pathParameters", Map.of("returnId", LABEL.returnId()));
        event.put("requestContext", Map.of("http", Map.of("method", "GET", "path", "/returns/" + LABEL.returnId() + "/label")));
        event.put("isBase64Encoded", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);

        Map<String, Object> answer = Json.parseObject(out.toString(StandardCharsets.UTF_8));
        assertEquals(200, ((Number) answer.get("statusCode")).intValue());
        assertEquals(true, answer.get("isBase64Encoded"));
        assertEquals("application/pdf", ((Map<?, ?>) answer.get("headers")).get("content-type"));
        byte[] pdf = Base64.getDecoder().decode((String) answer.get("body"));
        assertEquals(LABEL.returnCode(), LabelPages.barcode(pdf, 150));
    }

    @Test
    void everyOtherRequestIsTheSameContract404() {
        Instant later = NOW.plus(Duration.ofDays(30));
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("no token", Map.of());
        cases.put("garbage", Map.of("token", "not-a-token"));
        cases.put("another return's token", Map.of("token", token(LABEL.orderId(), "RET-OTHER", later)));
        cases.put("expired", Map.of("token", token(LABEL.orderId(), LABEL.returnId(), NOW)));
        cases.put("another order", Map.of("token", token("ORD-OTHER", LABEL.returnId(), later)));
        cases.put("another key", Map.of("token", new LabelLinks(Labels.keys("k9")).token(LABEL.orderId(),
                LABEL.returnId(), later)));
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            assertNotFound(handler.handleRequest(request(LABEL.returnId(), c.getValue()), null), c.getKey());
        }
        assertNotFound(handler.handleRequest(request("bad id!", Map.of("token", token(LABEL.orderId(), LABEL.returnId(),
                later))), null), "malformed return id");
    }

    private static void assertNotFound(APIGatewayV2HTTPResponse response, String why) {
        assertEquals(404, response.getStatusCode(), why);
        assertEquals(false, response.getIsBase64Encoded(), why);
        Map<String, Object> body = Json.parseObject(response.getBody());
        Map<?, ?> error = (Map<?, ?>) body.get("error");
        assertEquals("NOT_FOUND", error.get("code"), why);
        assertEquals("There is no return label for this link.", error.get("message"), why);
        assertEquals(List.of("error"), List.copyOf(body.keySet()), why);
    }

    @Test
    void theFileNameKeepsOnlySafeCharactersOfTheCode() {
        assertEquals("return-r-7-k-2-x-.pdf", ReturnLabelHandler.fileName(Labels.withCode("r/7 k\"2;x\\")));
    }
}
