package io.shopcare.alerts;

import io.shopcare.catalog.DynamoCatalogRepository;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.idempotency.DynamoIdempotencyStore;
import io.shopcare.idempotency.OnceOnly;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.mail.SesMailer;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wiring shared by the subscription routes, and their common request rules. */
final class SubscriptionHandlers {
    private SubscriptionHandlers() {
    }

    static SubscriptionService service(Environment env) {
        return service(env, AwsClients.dynamoDb(env));
    }

    static SubscriptionService service(Environment env, DynamoDbClient dynamoDb) {
        String readModel = env.require("READ_MODEL_TABLE");
        return new SubscriptionService(
                new DynamoSubscriptionStore(dynamoDb, env.require("ALERTS_TABLE")),
                new DynamoCatalogRepository(dynamoDb, env.require("INVENTORY_TABLE"), Clock.systemUTC()),
                category -> dynamoDb.query(q -> q.tableName(readModel).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", io.shopcare.dynamo.Attributes.s("CATEGORY#" + category)))
                        .limit(1)).count() > 0,
                SesMailer.fromEnvironment(env), new EmailRenderer(), Links.fromEnvironment(env), Clock.systemUTC());
    }

    /** Idempotency-Key handling for the sign-up routes: a repeated sign-up sends no second e-mail. */
    static OnceOnly onceOnly(Environment env, DynamoDbClient dynamoDb, String scope) {
        return new OnceOnly(new DynamoIdempotencyStore(dynamoDb, env.require("IDEMPOTENCY_TABLE"), scope,
                Clock.systemUTC()));
    }

    /** The body's {@code locale} if it names one of ours, else the best of Accept-Language. */
    static Language language(String explicitLocale, ApiRequest request) {
        Language explicit = Language.ofTag(explicitLocale);
        return explicit != null ? explicit : Language.fromAcceptLanguage(request.header("accept-language"));
    }
}
