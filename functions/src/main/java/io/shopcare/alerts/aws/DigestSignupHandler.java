package io.shopcare.alerts.aws;

import io.shopcare.alerts.SignUpService;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.http.JsonInput;
import io.shopcare.idempotency.OnceOnly;
import io.shopcare.json.Json;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** POST /restock-digest/subscriptions: the weekly "back in stock" e-mail (double opt-in). */
public final class DigestSignupHandler extends JsonApiHandler {
    private static final String CATEGORY_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private final SignUpService signUps;
    private final OnceOnly onceOnly;

    public DigestSignupHandler() {
        this(System.getenv());
    }

    public DigestSignupHandler(Map<String, String> environment) {
        this(new Environment(environment));
    }

    private DigestSignupHandler(Environment env) {
        this(env, AwsClients.dynamoDb(env));
    }

    private DigestSignupHandler(Environment env, DynamoDbClient dynamoDb) {
        this(SubscriptionHandlers.signUps(env, dynamoDb), SubscriptionHandlers.onceOnly(env, dynamoDb, "digest-signup"));
    }

    public DigestSignupHandler(SignUpService signUps, OnceOnly onceOnly) {
        this.signUps = signUps;
        this.onceOnly = onceOnly;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        JsonInput body = request.jsonBody().allowOnly("email", "locale", "categoryIds");
        String email = body.requiredString("email", 3, 320);
        String locale = body.optionalString("locale", 2, 35);
        List<String> categories = body.optionalStrings("categoryIds", 1, 20,
                id -> id.matches(CATEGORY_ID) ? null : "must be a category id");
        body.validate();
        List<String> categoryIds = categories == null ? List.of() : categories.stream().distinct().toList();
        return ApiResponse.rawJson(202, onceOnly.run(request.idempotencyKey(), () -> {
            signUps.signUpForDigest(email, SubscriptionHandlers.language(locale, request), categoryIds);
            return Json.write(AlertSignupHandler.PENDING);
        }));
    }
}
