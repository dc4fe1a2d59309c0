package io.shopcare.alerts.aws;

import io.shopcare.alerts.SubscriptionService;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import java.util.Map;
import java.util.Set;

/** GET /alerts/confirm?token=: the link in a confirmation e-mail. */
public final class ConfirmHandler extends JsonApiHandler {
    private final SubscriptionService subscriptions;

    public ConfirmHandler() {
        this(System.getenv());
    }

    public ConfirmHandler(Map<String, String> environment) {
        this(SubscriptionHandlers.subscriptions(new Environment(environment)));
    }

    public ConfirmHandler(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.allowQueryParameters(Set.of("token"));
        return ApiResponse.ok(subscriptions.confirm(request.query("token")));
    }
}
