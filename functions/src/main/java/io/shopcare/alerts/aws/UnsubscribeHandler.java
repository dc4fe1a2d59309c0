package io.shopcare.alerts.aws;

import io.shopcare.alerts.SubscriptionService;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.ContentNegotiation;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import java.util.Map;
import java.util.Set;

/**
 * {@code /alerts/unsubscribe?token=}: POST is the RFC 8058 one-click unsubscribe (any body, no
 * cookies, no redirect); GET only shows a page whose button makes that POST, because mail
 * scanners open links and must not unsubscribe anyone. The POST answers JSON to mail clients and
 * API clients, and a short readable page (in the subscriber's language) to a browser whose
 * {@code Accept} prefers text/html: the page's own form.
 */
public final class UnsubscribeHandler extends JsonApiHandler {
    private final SubscriptionService subscriptions;
    private final EmailRenderer pages;
    private final String storefrontUrl;

    public UnsubscribeHandler() {
        this(System.getenv());
    }

    public UnsubscribeHandler(Map<String, String> environment) {
        this(SubscriptionHandlers.subscriptions(new Environment(environment)), new EmailRenderer(),
                new Environment(environment).require("STOREFRONT_URL"));
    }

    public UnsubscribeHandler(SubscriptionService subscriptions, EmailRenderer pages, String storefrontUrl) {
        this.subscriptions = subscriptions;
        this.pages = pages;
        this.storefrontUrl = storefrontUrl;
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
        Language language = subscriptions.unsubscribe(token).orElse(Language.EN);
        if (ContentNegotiation.prefersHtml(request.header("accept"))) {
            return ApiResponse.html(200, pages.renderPage("unsubscribed-page", language,
                    Map.of("shopUrl", storefrontUrl)));
        }
        return ApiResponse.ok(Map.of("status", "UNSUBSCRIBED"));
    }
}
