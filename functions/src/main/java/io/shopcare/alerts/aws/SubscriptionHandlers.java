package io.shopcare.alerts.aws;

import io.shopcare.alerts.ConfirmationMails;
import io.shopcare.alerts.LinkTokens;
import io.shopcare.alerts.SignUpService;
import io.shopcare.alerts.SubscriptionService;
import io.shopcare.alerts.Suppressions;
import io.shopcare.availability.aws.DynamoReadModel;
import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.idempotency.OnceOnly;
import io.shopcare.idempotency.aws.DynamoIdempotencyStore;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.mail.aws.SesMailer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wiring shared by the subscription handlers, and their common request rules. */
final class SubscriptionHandlers {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SubscriptionHandlers() {
    }

    /** Opaque ids (128 random bits): subscriber ids travel in links, so they must not be guessable. */
    static final Supplier<String> NEW_IDS = () -> {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    };

    /** Alert sign-ups read the catalog (INVENTORY_TABLE), digest sign-ups the categories (READ_MODEL_TABLE). */
    static SignUpService signUps(Environment env, DynamoDbClient dynamoDb) {
        String inventory = env.optional("INVENTORY_TABLE", null);
        String readModel = env.optional("READ_MODEL_TABLE", null);
        return new SignUpService(store(env, dynamoDb),
                inventory == null ? null : new DynamoCatalogRepository(dynamoDb, inventory, Clock.systemUTC()),
                readModel == null ? null : new DynamoReadModel(dynamoDb, readModel)::hasCategory,
                NEW_IDS, Clock.systemUTC());
    }

    static SubscriptionService subscriptions(Environment env) {
        return new SubscriptionService(store(env, AwsClients.dynamoDb(env)),
                new LinkTokens(AwsClients.signingKeys(env)), Clock.systemUTC());
    }

    static Suppressions suppressions(Environment env) {
        return new Suppressions(store(env, AwsClients.dynamoDb(env)), NEW_IDS);
    }

    static ConfirmationMails confirmationMails(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        return new ConfirmationMails(store(env, dynamoDb),
                new DynamoCatalogRepository(dynamoDb, env.require("INVENTORY_TABLE"), Clock.systemUTC()),
                SesMailer.fromEnvironment(env), new EmailRenderer(), EmailLinks.fromEnvironment(env), Clock.systemUTC());
    }

    /** Idempotency-Key handling for the sign-up routes: a repeated sign-up asks for one e-mail. */
    static OnceOnly onceOnly(Environment env, DynamoDbClient dynamoDb, String scope) {
        return new OnceOnly(new DynamoIdempotencyStore(dynamoDb, env.require("IDEMPOTENCY_TABLE"), scope,
                Clock.systemUTC()));
    }

    /** The body's {@code locale} if it names one of ours, else the best of Accept-Language. */
    static Language language(String explicitLocale, ApiRequest request) {
        Language explicit = Language.ofTag(explicitLocale);
        return explicit != null ? explicit : Language.fromAcceptLanguage(request.header("accept-language"));
    }

    private static DynamoSubscriptionStore store(Environment env, DynamoDbClient dynamoDb) {
        return new DynamoSubscriptionStore(dynamoDb, env.require("ALERTS_TABLE"));
    }
}
