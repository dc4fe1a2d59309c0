package io.shopcare.alerts;

import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.http.JsonInput;
import java.util.Map;

/** POST /skus/{sku}/alerts: "e-mail me when it is back" (double opt-in). */
public final class AlertSignupHandler extends JsonApiHandler {
    static final Map<String, String> PENDING = Map.of("status", "PENDING_CONFIRMATION");
    private final SubscriptionService subscriptions;

    public AlertSignupHandler() {
        this(System.getenv());
    }

    public AlertSignupHandler(Map<String, String> environment) {
        this(SubscriptionHandlers.service(new Environment(environment)));
    }

    public AlertSignupHandler(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String sku = request.pathId("sku");
        JsonInput body = request.jsonBody().allowOnly("email", "locale");
        String email = body.requiredString("email", 3, 320);
        String locale = body.optionalString("locale", 2, 35);
        body.validate();
        subscriptions.signUpForAlert(sku, email, SubscriptionHandlers.language(locale, request));
        return ApiResponse.json(202, PENDING);
    }
}
