package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DynamoDB Local as the stack builds it: loopback only, shared database in a data dir, no thread left behind. */
class LocalDynamoDbTest {
    private static final String STREAM_JOBS = "com.amazonaws.services.dynamodbv2.local.shared.jobs.";

    private static DynamoDbClient client(LocalDynamoDb dynamo, String accessKey) {
        return DynamoDbClient.builder().endpointOverride(URI.create(dynamo.endpoint())).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static void createTable(DynamoDbClient client, String name) {
        client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    @Test
    void aDataDirHoldsOneSharedDatabaseThatOutlivesTheServer(@TempDir Path dataDir) {
        Path telemetryFile = Path.of("dynamodb-local-metadata.json");
        boolean telemetryFileBefore = Files.exists(telemetryFile);
        LocalDynamoDb first = LocalDynamoDb.start(dataDir);
        try (DynamoDbClient writer = client(first, "writer"); DynamoDbClient reader = client(first, "reader")) {
            assertTrue(first.boundAddress().getAddress().isLoopbackAddress(), String.valueOf(first.boundAddress()));
            createTable(writer, "SharedTable");
            writer.putItem(r -> r.tableName("SharedTable").item(Map.of("pk",
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("kept"))));
            assertEquals(List.of("SharedTable"), reader.listTables().tableNames(), "-sharedDb: every key sees one database");
        } finally {
            first.close();
        }
        LocalDynamoDb second = LocalDynamoDb.start(dataDir);
        try (DynamoDbClient client = client(second, "later")) {
            assertEquals(1, client.scan(r -> r.tableName("SharedTable")).count());
        } finally {
            second.close();
        }
        assertEquals(telemetryFileBefore, Files.exists(telemetryFile), "telemetry stays off: no metadata file written");
    }

    @Test
    void inMemoryEachCredentialKeepsItsOwnDatabaseAsWithInMemory() {
        LocalDynamoDb dynamo = LocalDynamoDb.start(null);
        try (DynamoDbClient one = client(dynamo, "one"); DynamoDbClient other = client(dynamo, "other")) {
            createTable(one, "OnlyMine");
            assertEquals(List.of("OnlyMine"), one.listTables().tableNames());
            assertEquals(List.of(), other.listTables().tableNames());
        } finally {
            dynamo.close();
        }
    }

    @Test
    void closingLeavesNoStreamJobThreadRunning() throws InterruptedException {
        LocalDynamoDb dynamo = LocalDynamoDb.start(null);
        try (DynamoDbClient client = client(dynamo, "streams")) {
            client.createTable(r -> r.tableName("Streamed").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE")));
        }
        long started = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!streamJobThreadAlive() && System.nanoTime() < started) {
            Thread.sleep(50);
        }
        assertTrue(streamJobThreadAlive(), "DynamoDB Local runs its streams job in a thread of its own");
        dynamo.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (streamJobThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(streamJobThreadAlive(), "a streams job thread would keep a plain JVM alive for minutes");
    }

    private static boolean streamJobThreadAlive() {
        return Thread.getAllStackTraces().entrySet().stream().filter(e -> e.getKey().isAlive())
                .anyMatch(e -> List.of(e.getValue()).stream().anyMatch(f -> f.getClassName().startsWith(STREAM_JOBS)));
    }
}
