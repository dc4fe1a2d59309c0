package io.shopcare.alerts.aws;

import io.shopcare.alerts.SubscriptionService;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import java.util.Map;
import java.util.Set;

/**
 * {@code /alerts/unsubscribe?token=}: POST is the RFC 8058 one-click unsubscribe (any body, no
 * cookies, no redirect); GET only shows a page whose button makes that POST, because mail
 * scanners open links and must not unsubscribe anyone.
 */
public final class UnsubscribeHandler extends JsonApiHandler {
    private final SubscriptionService subscriptions;
    private final EmailRenderer pages;

    public UnsubscribeHandler() {
        this(System.getenv());
    }

    public UnsubscribeHandler(Map<String, String> environment) {
        this(SubscriptionHandlers.subscriptions(new Environment(environment)), new EmailRenderer());
    }

    public UnsubscribeHandler(SubscriptionService subscriptions, EmailRenderer pages) {
        this.subscriptions = subscriptions;
        this.pages = pages;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.allowQueryParameters(Set.of("token"));
        String token = request.query("token");
        if ("GET".equals(request.method())) {
            subscriptions.checkUnsubscribeToken(token);
            // The page is in the browser's language: the link carries no language, only the address's key.
            Language language = Language.fromAcceptLanguage(request.header("accept-language"));
            return ApiResponse.html(200, pages.renderPage("unsubscribe-page", language, Map.of()));
        }
        request.body(); // the size limit holds; the content (List-Unsubscribe=One-Click) carries nothing we need
        subscriptions.unsubscribe(token);
        return ApiResponse.ok(Map.of("status", "UNSUBSCRIBED"));
    }
}
