package io.shopcare.alerts;

import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import java.util.Map;
import java.util.Set;

/**
 * {@code /alerts/unsubscribe?token=}: POST is the RFC 8058 one-click unsubscribe (any body, no
 * cookies, no redirect); GET only shows a page whose button makes that POST, because mail
 * scanners open links and must not unsubscribe anyone.
 */
public final class UnsubscribeHandler extends JsonApiHandler {
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Unsubscribe</title></head>
            <body style="font-family:Helvetica,Arial,sans-serif;max-width:480px;margin:48px auto;padding:0 16px">
            <h1 style="font-size:20px">Unsubscribe</h1>
            <p>Stop every back-in-stock alert and the weekly restock digest for this e-mail address?</p>
            <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit" style="padding:12px 20px">Unsubscribe</button></form>
            </body></html>
            """;
    private final SubscriptionService subscriptions;

    public UnsubscribeHandler() {
        this(System.getenv());
    }

    public UnsubscribeHandler(Map<String, String> environment) {
        this(SubscriptionHandlers.service(new Environment(environment)));
    }

    public UnsubscribeHandler(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.allowQueryParameters(Set.of("token"));
        String token = request.query("token");
        if ("GET".equals(request.method())) {
            subscriptions.checkUnsubscribeToken(token);
            return ApiResponse.html(200, PAGE);
        }
        request.body(); // the size limit holds; the content (List-Unsubscribe=One-Click) carries nothing we need
        subscriptions.unsubscribe(token);
        return ApiResponse.ok(Map.of("status", "UNSUBSCRIBED"));
    }
}
