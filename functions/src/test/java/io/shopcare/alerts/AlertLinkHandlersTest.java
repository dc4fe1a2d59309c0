package io.shopcare.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.alerts.LinkTokens.Purpose;
import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import io.shopcare.alerts.aws.ConfirmHandler;
import io.shopcare.alerts.aws.UnsubscribeHandler;
import io.shopcare.json.Json;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.signing.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The e-mail links' handlers negotiate at the edge: a browser gets a redirect to the storefront's
 * page (confirm) or a readable page (unsubscribe); every other client gets the JSON contract.
 */
class AlertLinkHandlersTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String SHOP = "https://shop.example.com/";
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private final LinkTokens tokens = new LinkTokens(() -> SigningKeys.fromSecret(
            "{\"current\": \"k1\", \"k1\": \"" + "t".repeat(40) + "\"}"));
    private final SubscriptionService service = new SubscriptionService(store, tokens, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ConfirmHandler confirm = new ConfirmHandler(service, SHOP);
    private final UnsubscribeHandler unsubscribe = new UnsubscribeHandler(service, new EmailRenderer(), SHOP);

    private Ref pending(Ref ref, Language language, Instant at) {
        store.requestConfirmation(new Subscription(ref, "a@example.com", language, Status.PENDING_CONFIRMATION, at,
                List.of()), "request");
        return ref;
    }

    private String confirmToken(Ref ref, Instant issuedAt) {
        return tokens.issue(Purpose.CONFIRM, ref.tokenSubject(), issuedAt);
    }

    private static APIGatewayV2HTTPResponse call(io.shopcare.http.JsonApiHandler handler, String method, String path,
                                                 String token, String accept) {
        Map<String, String> headers = new HashMap<>();
        if (accept != null) {
            headers.put("accept", accept);
        }
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(method + " " + path).withRawPath(path)
                .withHeaders(headers).withQueryStringParameters(Map.of("token", token))
                .withBody(method.equals("POST") ? "List-Unsubscribe=One-Click" : null)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build()).build())
                .build(), null);
    }

    @Test
    void aBrowserIsConfirmedAndSentToTheStorefrontsPageOthersGetTheJsonAsBefore() {
        Ref ref = pending(Ref.alert("JK M/1", "sub-1"), Language.EN, NOW);
        APIGatewayV2HTTPResponse redirect = call(confirm, "GET", "/alerts/confirm", confirmToken(ref, NOW), BROWSER);
        assertEquals(303, redirect.getStatusCode());
        assertEquals("https://shop.example.com/alerts/confirmed?status=ACTIVE&sku=JK+M%2F1",
                redirect.getHeaders().get("location"));
        assertEquals(Status.ACTIVE, store.entries.get(ref).subscription.status(), "it did confirm");

        for (String accept : new String[] {null, "*/*", "application/json"}) {
            APIGatewayV2HTTPResponse json = call(confirm, "GET", "/alerts/confirm", confirmToken(ref, NOW), accept);
            assertEquals(200, json.getStatusCode(), String.valueOf(accept));
            assertNull(json.getHeaders().get("location"));
            assertEquals(Map.of("status", "ACTIVE", "sku", "JK M/1"), Json.parseObject(json.getBody()));
        }

        Ref digest = pending(Ref.digest("sub-1"), Language.EN, NOW);
        assertEquals("https://shop.example.com/alerts/confirmed?status=ACTIVE",
                call(confirm, "GET", "/alerts/confirm", confirmToken(digest, NOW), BROWSER).getHeaders().get("location"));
    }

    @Test
    void aBrowserWithABadLinkLandsOnThePageWithTheErrorCodeOthersGetTheErrorStatus() {
        Ref ref = pending(Ref.alert("JK-M", "sub-1"), Language.EN, NOW);
        String expired = confirmToken(ref, NOW.minus(Duration.ofDays(8)));
        assertEquals("https://shop.example.com/alerts/confirmed?error=TOKEN_EXPIRED",
                call(confirm, "GET", "/alerts/confirm", expired, BROWSER).getHeaders().get("location"));
        assertEquals(410, call(confirm, "GET", "/alerts/confirm", expired, null).getStatusCode());
        assertEquals("https://shop.example.com/alerts/confirmed?error=NOT_FOUND",
                call(confirm, "GET", "/alerts/confirm", "forged.token", BROWSER).getHeaders().get("location"));
        assertEquals(404, call(confirm, "GET", "/alerts/confirm", "forged.token", "application/json").getStatusCode());

        service.unsubscribe(tokens.issue(Purpose.UNSUBSCRIBE, "sub-1", NOW));
        APIGatewayV2HTTPResponse ended = call(confirm, "GET", "/alerts/confirm", confirmToken(ref, NOW), BROWSER);
        assertEquals(303, ended.getStatusCode());
        assertEquals("https://shop.example.com/alerts/confirmed?error=SUBSCRIPTION_ENDED", ended.getHeaders().get("location"));
        assertEquals(409, call(confirm, "GET", "/alerts/confirm", confirmToken(ref, NOW), "*/*").getStatusCode());
    }

    @Test
    void theUnsubscribeFormFromABrowserGetsAPageInTheSubscribersLanguageMailClientsGetJson() {
        pending(Ref.alert("JK-M", "sub-1"), Language.EN, NOW.minus(Duration.ofDays(2)));
        pending(Ref.alert("JK-L", "sub-1"), Language.CS, NOW.minus(Duration.ofDays(1)));
        String token = tokens.issue(Purpose.UNSUBSCRIBE, "sub-1", NOW);

        APIGatewayV2HTTPResponse page = call(unsubscribe, "POST", "/alerts/unsubscribe", token, BROWSER);
        assertEquals(200, page.getStatusCode(), "no redirect (RFC 8058)");
        assertTrue(page.getHeaders().get("content-type").startsWith("text/html"));
        assertNull(page.getHeaders().get("location"));
        assertTrue(page.getBody().contains("lang=\"cs\"") && page.getBody().contains("Odběr je zrušen"), page.getBody());
        assertTrue(page.getBody().contains("href=\"https://shop.example.com/\""), page.getBody());
        assertEquals(Status.UNSUBSCRIBED, store.entries.get(Ref.alert("JK-M", "sub-1")).subscription.status());

        for (String accept : new String[] {null, "*/*", "application/json"}) {
            APIGatewayV2HTTPResponse json = call(unsubscribe, "POST", "/alerts/unsubscribe", token, accept);
            assertEquals(200, json.getStatusCode());
            assertTrue(json.getHeaders().get("content-type").startsWith("application/json"));
            assertEquals("{\"status\":\"UNSUBSCRIBED\"}", json.getBody(), String.valueOf(accept));
        }
    }

    @Test
    void anAddressWithNothingStoredReadsThePageInEnglish() {
        APIGatewayV2HTTPResponse page = call(unsubscribe, "POST", "/alerts/unsubscribe",
                tokens.issue(Purpose.UNSUBSCRIBE, "nobody", NOW), BROWSER);
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("lang=\"en\"") && page.getBody().contains("You are unsubscribed"), page.getBody());
        assertFalse(page.getBody().contains("{{"));
    }
}
