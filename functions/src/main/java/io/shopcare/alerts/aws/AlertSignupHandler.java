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
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** POST /skus/{sku}/alerts: "e-mail me when it is back" (double opt-in). */
public final class AlertSignupHandler extends JsonApiHandler {
    static final Map<String, String> PENDING = Map.of("status", "PENDING_CONFIRMATION");
    private final SignUpService signUps;
    private final OnceOnly onceOnly;

    public AlertSignupHandler() {
        this(System.getenv());
    }

    public AlertSignupHandler(Map<String, String> environment) {
        this(new Environment(environment));
    }

    private AlertSignupHandler(Environment env) {
        this(env, AwsClients.dynamoDb(env));
    }

    private AlertSignupHandler(Environment env, DynamoDbClient dynamoDb) {
        this(SubscriptionHandlers.signUps(env, dynamoDb), SubscriptionHandlers.onceOnly(env, dynamoDb, "alert-signup"));
    }

    public AlertSignupHandler(SignUpService signUps, OnceOnly onceOnly) {
        this.signUps = signUps;
        this.onceOnly = onceOnly;
    }

    /** A SKU that cannot exist is refused (404) after its catalogue entry is read, before anything is written. */
    @Override
    protected String primingEvent() {
        return primingRequest("POST", "/skus/SNAPSTART-PRIMING/alerts", Map.of("sku", "SNAPSTART-PRIMING"),
                Json.write(Map.of("email", "snapstart-priming@example.com")));
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String sku = request.pathId("sku");
        JsonInput body = request.jsonBody().allowOnly("email", "locale");
        String email = body.requiredString("email", 3, 320);
        String locale = body.optionalString("locale", 2, 35);
        body.validate();
        return ApiResponse.rawJson(202, onceOnly.run(request.idempotencyKey(), () -> {
            signUps.signUpForAlert(sku, email, SubscriptionHandlers.language(locale, request));
            return Json.write(PENDING);
        }));
    }
}
