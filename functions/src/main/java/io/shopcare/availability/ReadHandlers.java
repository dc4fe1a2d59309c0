package io.shopcare.availability;

import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import java.util.Map;

/** How the three read handlers build their one collaborator from the environment. */
final class ReadHandlers {
    private ReadHandlers() {
    }

    static AvailabilityQueries queries(Map<String, String> environment) {
        Environment env = new Environment(environment);
        return new AvailabilityQueries(new DynamoReadModel(AwsClients.dynamoDb(env), env.require("READ_MODEL_TABLE")));
    }
}
