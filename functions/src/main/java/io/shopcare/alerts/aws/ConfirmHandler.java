package io.shopcare.alerts.aws;

import io.shopcare.alerts.SubscriptionService;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.ContentNegotiation;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.outcome.Refusal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * GET /alerts/confirm?token=: the link in a confirmation e-mail. API clients get JSON; a browser
 * (its {@code Accept} prefers text/html) gets the same confirmation and then a 303 to the
 * storefront's readable page, {@code /alerts/confirmed?status=…&sku=…} or {@code ?error=CODE}.
 */
public final class ConfirmHandler extends JsonApiHandler {
    private final SubscriptionService subscriptions;
    private final String storefrontUrl;

    public ConfirmHandler() {
        this(System.getenv());
    }

    public ConfirmHandler(Map<String, String> environment) {
        this(SubscriptionHandlers.subscriptions(new Environment(environment)),
                new Environment(environment).require("STOREFRONT_URL"));
    }

    public ConfirmHandler(SubscriptionService subscriptions, String storefrontUrl) {
        this.subscriptions = subscriptions;
        this.storefrontUrl = storefrontUrl.endsWith("/") ? storefrontUrl.substring(0, storefrontUrl.length() - 1)
                : storefrontUrl;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.allowQueryParameters(Set.of("token"));
        if (!ContentNegotiation.prefersHtml(request.header("accept"))) {
            return ApiResponse.ok(subscriptions.confirm(request.query("token")));
        }
        String page;
        try {
            Map<String, Object> confirmed = subscriptions.confirm(request.query("token"));
            page = "/alerts/confirmed?status=" + encode(confirmed.get("status"))
                    + (confirmed.containsKey("sku") ? "&sku=" + encode(confirmed.get("sku")) : "");
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.INVALID || refusal.kind() == Refusal.Kind.LIMITED) {
                throw refusal; // not about the link's subscription: the contract's error answer
            }
            page = "/alerts/confirmed?error=" + encode(refusal.code());
        }
        return ApiResponse.seeOther(storefrontUrl + page);
    }

    private static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }
}
