package io.shopcare.digest.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.shopcare.alerts.aws.EmailLinks;
import io.shopcare.availability.aws.DynamoInventorySource;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.digest.DigestService;
import io.shopcare.lambda.Telemetry;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.aws.SesMailer;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Schedule (hourly on Mondays): sends, or continues sending, last week's restock digest. */
public final class WeeklyDigestHandler implements RequestHandler<ScheduledEvent, Integer> {
    private final DigestService digest;

    public WeeklyDigestHandler() {
        this(System.getenv());
    }

    public WeeklyDigestHandler(Map<String, String> environment) {
        this(digest(new Environment(environment)));
    }

    public WeeklyDigestHandler(DigestService digest) {
        this.digest = digest;
    }

    private static DigestService digest(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        return new DigestService(new DynamoDigestStore(dynamoDb, env.require("ALERTS_TABLE")),
                new DynamoInventorySource(dynamoDb, env.require("INVENTORY_TABLE")),
                SesMailer.fromEnvironment(env),
                new EmailRenderer(),
                EmailLinks.fromEnvironment(env));
    }

    /** The event's time says which week is due (the scheduler's time, not the clock's). */
    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        Instant now = event.getTime() != null ? Instant.ofEpochMilli(event.getTime().getMillis()) : Instant.now();
        return Telemetry.invoke(context, () -> digest.run(now, context::getRemainingTimeInMillis, 10_000),
                sent -> sent + " digest e-mail(s) sent");
    }
}
