package io.shopcare.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A client of a test's own DynamoDB Local, outside any stack (the stack's clients take its SDK settings). */
final class LocalDynamoDbClients {
    private LocalDynamoDbClients() {
    }

    static DynamoDbClient client(LocalDynamoDb dynamo) {
        return DynamoDbClient.builder().region(Region.EU_CENTRAL_1).endpointOverride(URI.create(dynamo.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
