package io.shopcare.clients;

import io.shopcare.config.Environment;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The one way clients are built: explicit region and HTTP client (URL-connection: smallest cold
 * start), credentials from the default chain (SnapStart-friendly), and endpoints from the SDK's
 * own configuration ({@code AWS_ENDPOINT_URL_DYNAMODB} / {@code aws.endpointUrlDynamoDb}), so no
 * handler carries endpoint logic. Build once per container, in a handler's constructor.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static Region region(Environment env) {
        return Region.of(env.require("AWS_REGION"));
    }

    public static DynamoDbClient dynamoDb(Environment env) {
        return DynamoDbClient.builder()
                .region(region(env))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** Without SDK retries: a send retried after an unclear failure could be a second e-mail. */
    public static SesV2Client sesV2(Environment env) {
        return SesV2Client.builder()
                .region(region(env))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
