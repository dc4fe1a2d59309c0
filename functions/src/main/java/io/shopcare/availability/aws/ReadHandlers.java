package io.shopcare.availability.aws;

import io.shopcare.availability.AvailabilityQueries;
import io.shopcare.availability.CategoryPages;
import io.shopcare.availability.ReadModel;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import java.util.Map;

/** How the read handlers build their one collaborator from the environment. */
final class ReadHandlers {
    private ReadHandlers() {
    }

    static AvailabilityQueries queries(Map<String, String> environment) {
        return new AvailabilityQueries(readModel(new Environment(environment)));
    }

    static CategoryPages categoryPages(Map<String, String> environment) {
        Environment env = new Environment(environment);
        return new CategoryPages(readModel(env), AwsClients.signingKeys(env));
    }

    private static ReadModel readModel(Environment env) {
        return new DynamoReadModel(AwsClients.dynamoDb(env), env.require("READ_MODEL_TABLE"));
    }
}
