package io.shopcare.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text answers go out as they are; binary ones base64-encoded and marked so, in both shapes. */
class ApiResponseTest {
    private static final byte[] BYTES = {'%', 'P', 'D', 'F', 0, (byte) 0xFF, (byte) 0x80, '\n'};

    @Test
    void aBinaryAnswerIsBase64EncodedAndMarkedSoAlsoAfterAHeaderIsAdded() {
        ApiResponse response = ApiResponse.binary(200, "application/pdf", BYTES)
                .withHeader("content-disposition", "inline; filename=\"x.pdf\"");

        APIGatewayV2HTTPResponse event = response.toLambda();
        assertTrue(event.getIsBase64Encoded());
        assertArrayEquals(BYTES, Base64.getDecoder().decode(event.getBody()));
        assertEquals("application/pdf", event.getHeaders().get("content-type"));
        assertEquals("inline; filename=\"x.pdf\"", event.getHeaders().get("content-disposition"));

        Map<String, Object> payload = response.toPayload();
        assertEquals(true, payload.get("isBase64Encoded"));
        assertArrayEquals(BYTES, Base64.getDecoder().decode((String) payload.get("body")));
    }

    @Test
    void aJsonAnswerIsNotMarkedBase64() {
        ApiResponse response = ApiResponse.ok(Map.of("a", 1)).withHeader("x-test", "1");
        assertFalse(response.toLambda().getIsBase64Encoded());
        assertEquals(false, response.toPayload().get("isBase64Encoded"));
        assertEquals("{\"a\":1}", response.toPayload().get("body"));
    }
}
