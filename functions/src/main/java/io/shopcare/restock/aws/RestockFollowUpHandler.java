package io.shopcare.restock.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.shopcare.availability.aws.DynamoInventorySource;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.lambda.Telemetry;
import io.shopcare.restock.FollowUpWaves;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Schedule: starts follow-up restock waves that are due. Returns how many started. */
public final class RestockFollowUpHandler implements RequestHandler<ScheduledEvent, Integer> {
    private final FollowUpWaves followUps;

    public RestockFollowUpHandler() {
        this(System.getenv());
    }

    public RestockFollowUpHandler(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** With another clock: tests run the schedule as if its hour had come. */
    public RestockFollowUpHandler(Map<String, String> environment, Clock clock) {
        this(followUps(new Environment(environment), clock));
    }

    public RestockFollowUpHandler(FollowUpWaves followUps) {
        this.followUps = followUps;
    }

    private static FollowUpWaves followUps(Environment env, Clock clock) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        RestockStores stores = RestockStores.of(dynamoDb, env.require("ALERTS_TABLE"));
        return new FollowUpWaves(stores.followUps(), stores.states(), new DynamoInventorySource(dynamoDb, env.require("INVENTORY_TABLE")),
                clock);
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return Telemetry.invoke(context, () -> followUps.run(context::getRemainingTimeInMillis, 10_000),
                started -> started + " follow-up wave(s) started");
    }
}
