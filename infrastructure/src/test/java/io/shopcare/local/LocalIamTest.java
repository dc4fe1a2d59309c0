package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Local IAM on the stack: a function's handler (here one a test builds, keeping the function's
 * template wiring) gets AccessDenied for what the template's Policies do not grant it, also from
 * threads it starts, while what they grant works and the test's own client is not checked.
 */
class LocalIamTest {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("SKU#NONE"),
            "sk", AttributeValue.fromS("STORES"));
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests()
                // SkuStoresFunction may GetItem on the read model table, and nothing else.
                .withHandler("SkuStoresFunction", environment -> attempts(environment, "READ_MODEL_TABLE"))
                // NotFoundFunction has no Policies at all.
                .withHandler("NotFoundFunction", environment -> attempts(environment, null)));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void whatThePoliciesGrantWorksAndEverythingElseIsDenied() {
        assertEquals(List.of("GetItem ReadModelTable: ok", "Query ReadModelTable: AccessDeniedException",
                "GetItem InventoryTable: AccessDeniedException", "GetItem ReadModelTable in a thread: ok",
                "PutItem ReadModelTable in a thread: AccessDeniedException"), stack.invoke("SkuStoresFunction", "{}"));
        assertEquals(List.of("GetItem ReadModelTable: AccessDeniedException", "Query ReadModelTable: AccessDeniedException",
                "GetItem InventoryTable: AccessDeniedException", "GetItem ReadModelTable in a thread: AccessDeniedException",
                "PutItem ReadModelTable in a thread: AccessDeniedException"), stack.invoke("NotFoundFunction", "{}"));
    }

    @Test
    void theTestsOwnClientIsNotChecked() {
        stack.dynamoDb().putItem(r -> r.tableName("ReadModelTable").item(KEY));
        assertEquals(KEY, stack.dynamoDb().getItem(r -> r.tableName("ReadModelTable").key(KEY)).item());
    }

    /** A handler that tries calls with a client built as the functions build theirs, and reports each outcome. */
    private static RequestHandler<Object, List<String>> attempts(Map<String, String> environment, String readModelVariable) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(new Environment(environment));
        String readModel = readModelVariable == null ? "ReadModelTable" : environment.get(readModelVariable);
        return (event, context) -> {
            List<String> outcomes = new ArrayList<>();
            outcomes.add(outcome("GetItem " + readModel, () -> dynamoDb.getItem(r -> r.tableName(readModel).key(KEY))));
            outcomes.add(outcome("Query " + readModel, () -> dynamoDb.query(r -> r.tableName(readModel)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("x"))))));
            outcomes.add(outcome("GetItem InventoryTable", () -> dynamoDb.getItem(r -> r.tableName("InventoryTable").key(KEY))));
            ExecutorService senders = Executors.newSingleThreadExecutor();
            try {
                Future<String> get = senders.submit(() -> outcome("GetItem " + readModel + " in a thread",
                        () -> dynamoDb.getItem(r -> r.tableName(readModel).key(KEY))));
                Future<String> put = senders.submit(() -> outcome("PutItem " + readModel + " in a thread",
                        () -> dynamoDb.putItem(r -> r.tableName(readModel).item(KEY))));
                outcomes.add(get.get());
                outcomes.add(put.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                senders.shutdown();
            }
            return outcomes;
        };
    }

    private static String outcome(String call, Runnable attempt) {
        try {
            attempt.run();
            return call + ": ok";
        } catch (DynamoDbException e) {
            return call + ": " + e.awsErrorDetails().errorCode();
        }
    }
}
