package io.shopcare.clients;

import io.shopcare.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;

/**
 * Secrets Manager's {@code GetSecretValue}, the one call we need, made with the SDK's own pieces:
 * its SigV4 signer, its credentials chain and its endpoint configuration
 * ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER} / {@code aws.endpointUrlSecretsManager}, profiles, the
 * regional default). The SDK's {@code secretsmanager} module is not published at our SDK version
 * on the mirror, and mixing SDK versions invites trouble; this is about sixty lines instead.
 */
public final class SecretsManagerSecrets {
    private static final String TARGET = "secretsmanager.GetSecretValue";
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private volatile URI endpoint;

    public SecretsManagerSecrets(SdkHttpClient http, AwsCredentialsProvider credentials, Region region) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
    }

    /**
     * Resolved at first use, not when a handler is built. The profile file must be named: without
     * it the SDK's provider fails (NullPointerException) wherever no override is configured, as in AWS.
     */
    URI endpoint() {
        URI resolved = endpoint;
        if (resolved == null) {
            resolved = AwsClientEndpointProvider.builder()
                    .serviceEndpointOverrideEnvironmentVariable("AWS_ENDPOINT_URL_SECRETS_MANAGER")
                    .serviceEndpointOverrideSystemProperty("aws.endpointUrlSecretsManager")
                    .serviceProfileProperty("secrets_manager")
                    .profileFile(ProfileFile::defaultProfileFile)
                    .profileName(ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow())
                    .serviceEndpointPrefix("secretsmanager")
                    .defaultProtocol("https")
                    .region(region)
                    .build().clientEndpoint();
            endpoint = resolved;
        }
        return resolved;
    }

    /** The current {@code SecretString} of the secret (its ARN or name). */
    public String secretString(String secretId) {
        byte[] body = Json.write(Map.of("SecretId", secretId)).getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint())
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET)
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String text = read(response);
            int status = response.httpResponse().statusCode();
            if (status != 200) {
                throw new SecretUnavailableException("GetSecretValue answered " + status + ": " + errorType(text));
            }
            Object secret = Json.parseObject(text).get("SecretString");
            if (!(secret instanceof String value)) {
                throw new SecretUnavailableException("the secret has no SecretString");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("GetSecretValue failed", e);
        }
    }

    private static String read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return "";
        }
        try (InputStream in = response.responseBody().get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Only the error's type: a message might quote what was asked for. */
    private static String errorType(String text) {
        try {
            Object type = Json.parseObject(text).get("__type");
            return type == null ? "no error type" : type.toString();
        } catch (RuntimeException e) {
            return "an answer that is not JSON";
        }
    }

    public static final class SecretUnavailableException extends RuntimeException {
        SecretUnavailableException(String message) {
            super(message);
        }
    }
}
