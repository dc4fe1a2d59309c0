package io.shopcare.restock.aws;

import io.shopcare.alerts.aws.DynamoSubscriptionStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The restock stores over one alerts table, wired to each other: how handlers and tests build them. */
public record RestockStores(DynamoSkuStates states, DynamoWaves waves, DynamoFollowUps followUps, DynamoRestockLog log) {

    public static RestockStores of(DynamoDbClient dynamoDb, String alertsTable) {
        DynamoSubscriptionStore subscriptions = new DynamoSubscriptionStore(dynamoDb, alertsTable);
        DynamoRestockLog log = new DynamoRestockLog(dynamoDb, alertsTable);
        DynamoSkuStates states = new DynamoSkuStates(dynamoDb, alertsTable, subscriptions, log);
        DynamoFollowUps followUps = new DynamoFollowUps(dynamoDb, alertsTable, states);
        return new RestockStores(states, new DynamoWaves(dynamoDb, alertsTable, subscriptions, followUps), followUps, log);
    }
}
