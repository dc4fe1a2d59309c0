package io.shopcare.orders.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.shopcare.http.ApiRequest;
import io.shopcare.json.Json;
import io.shopcare.outcome.Refusal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Order bodies that are refused: always one 400 listing the problems, never a failure of the reader. */
class OrderRequestsTest {

    @Test
    void linesWithAMissingOrMalformedSkuAreOneValidationFailureListingEveryProblem() {
        Refusal refusal = assertThrows(Refusal.class, () -> OrderRequests.modification(body("""
                {"lines": [{"sku": "bad sku!", "quantity": 1}, {"quantity": 2}, {"sku": 42, "quantity": 0}]}""")));
        assertEquals("VALIDATION_FAILED", refusal.code());
        assertEquals(List.of("lines[0].sku", "lines[1].sku", "lines[2].sku", "lines[2].quantity"),
                refusal.problems().stream().map(Refusal.Problem::field).toList());
    }

    @Test
    void aNullListOfLinesIsRefusedRatherThanReadAsCancelEverything() {
        Refusal refusal = assertThrows(Refusal.class, () -> OrderRequests.cancellation(request("{\"lines\": null}")));
        assertEquals(List.of("lines"), refusal.problems().stream().map(Refusal.Problem::field).toList());
        assertNull(OrderRequests.cancellation(request("{}")), "no lines: the whole order");
        assertNull(OrderRequests.cancellation(request(null)), "no body: the whole order");
    }

    private static io.shopcare.http.JsonInput body(String json) {
        return io.shopcare.http.JsonInput.of(Json.parseObject(json));
    }

    private static ApiRequest request(String body) {
        return ApiRequest.of(APIGatewayV2HTTPEvent.builder().withRouteKey("POST /orders/{orderId}/cancellations")
                .withRawPath("/orders/261123-ABCDEFGH/cancellations")
                .withHeaders(body == null ? Map.of() : Map.of("content-type", "application/json"))
                .withPathParameters(Map.of("orderId", "261123-ABCDEFGH"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build()).build())
                .withBody(body).build());
    }
}
