package io.shopcare.alerts;

import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.http.JsonInput;
import java.util.List;
import java.util.Map;

/** POST /restock-digest/subscriptions: the weekly "back in stock" e-mail (double opt-in). */
public final class DigestSignupHandler extends JsonApiHandler {
    private static final String CATEGORY_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private final SubscriptionService subscriptions;

    public DigestSignupHandler() {
        this(System.getenv());
    }

    public DigestSignupHandler(Map<String, String> environment) {
        this(SubscriptionHandlers.service(new Environment(environment)));
    }

    public DigestSignupHandler(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        JsonInput body = request.jsonBody().allowOnly("email", "locale", "categoryIds");
        String email = body.requiredString("email", 3, 320);
        String locale = body.optionalString("locale", 2, 35);
        List<String> categories = body.optionalStrings("categoryIds", 1, 20,
                id -> id.matches(CATEGORY_ID) ? null : "must be a category id");
        body.validate();
        subscriptions.signUpForDigest(email, SubscriptionHandlers.language(locale, request),
                categories == null ? List.of() : categories.stream().distinct().toList());
        return ApiResponse.json(202, AlertSignupHandler.PENDING);
    }
}
