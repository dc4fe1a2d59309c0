package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What wakes the stream readers: a write by an SDK client of this JVM names its table (the
 * interceptor), a write from another process (no SDK interceptor, e.g. the AWS CLI) is signalled
 * by DynamoDB Local's handler as "some table", and reads signal nothing.
 */
class TableWritesTest {
    private static LocalDynamoDb dynamo;
    private static DynamoDbClient client;
    private final List<String> signals = Collections.synchronizedList(new ArrayList<>());
    private final Consumer<String> listener = signals::add;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start(null);
        client = LocalDynamoDbClients.client(dynamo);
        client.createTable(r -> r.tableName("WakeTable").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE")));
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamo.close();
    }

    @Test
    void anInProcessWriteNamesItsTableOnceAndAReadSignalsNothing() {
        TableWrites.listen(listener);
        try {
            client.putItem(r -> r.tableName("WakeTable").item(Map.of("pk", AttributeValue.fromS("a"))));
            assertEquals(List.of("WakeTable"), new ArrayList<>(signals), "the server does not signal it a second time");
            client.getItem(r -> r.tableName("WakeTable").key(Map.of("pk", AttributeValue.fromS("a"))));
            client.transactWriteItems(r -> r.transactItems(t -> t.update(u -> u.tableName("WakeTable")
                    .key(Map.of("pk", AttributeValue.fromS("a"))).updateExpression("SET n = :n")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))))));
            assertEquals(List.of("WakeTable", "WakeTable"), new ArrayList<>(signals));
        } finally {
            TableWrites.stopListening(listener);
        }
    }

    @Test
    void aWriteFromAnotherProcessWakesEveryReaderAndItsReadsDoNot() throws Exception {
        TableWrites.listen(listener);
        try {
            // The handler signals once the write is in, which may be just after the client has its answer.
            assertEquals(200, raw("PutItem", "{\"TableName\": \"WakeTable\", \"Item\": {\"pk\": {\"S\": \"b\"}}}"));
            awaitSignals(1);
            assertEquals(200, raw("GetItem", "{\"TableName\": \"WakeTable\", \"Key\": {\"pk\": {\"S\": \"b\"}}}"));
            assertEquals(200, raw("PutItem", "{\"TableName\": \"WakeTable\", \"Item\": {\"pk\": {\"S\": \"c\"}}}"));
            awaitSignals(2);
            Thread.sleep(100);
            assertEquals(Arrays.asList(null, null), new ArrayList<>(signals), "two writes, no table named; a read is no write");
        } finally {
            TableWrites.stopListening(listener);
        }
    }

    private void awaitSignals(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (signals.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, signals.size(), "signals so far: " + signals);
    }

    /** A DynamoDB JSON request as a process without our SDK interceptor sends it. */
    private static int raw(String operation, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(dynamo.endpoint()))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/eu-central-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
