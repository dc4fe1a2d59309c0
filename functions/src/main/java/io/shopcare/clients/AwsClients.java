package io.shopcare.clients;

import io.shopcare.config.Environment;
import io.shopcare.signing.CachedKeyRing;
import io.shopcare.signing.KeyRing;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
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

    /**
     * The link-signing keys from the secret named by {@code SIGNING_SECRET_ID}, read when first needed
     * and again every five minutes (a rotation needs no redeploy), never copied into configuration.
     */
    public static KeyRing signingKeys(Environment env) {
        String secretId = env.require("SIGNING_SECRET_ID");
        SecretsManagerSecrets secrets = new SecretsManagerSecrets(UrlConnectionHttpClient.create(),
                DefaultCredentialsProvider.builder().build(), region(env));
        CachedKeyRing keys = new CachedKeyRing(() -> secrets.secretString(secretId), Clock.systemUTC(),
                Duration.ofMinutes(5), Duration.ofHours(1));
        return new SnapStartKeyRing(keys);
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
