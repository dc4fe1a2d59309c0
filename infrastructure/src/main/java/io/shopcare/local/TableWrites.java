package io.shopcare.local;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A global SDK interceptor (listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors})
 * that tells the stream readers when a client in this JVM has written to a table, so its stream is
 * read at once instead of at the next poll. It also marks this JVM's DynamoDB requests, so
 * {@link WriteSignallingHandler} signals only the writes of other processes (table unknown there).
 * Every stack in the JVM hears every write; a reader of another stack's table of the same name just
 * polls once more.
 */
public final class TableWrites implements ExecutionInterceptor {
    static final String IN_PROCESS_HEADER = "x-shopcare-local-in-process";
    private static final Set<String> WRITE_OPERATIONS = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems", "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction");
    /** {@code null} stands for "some table" (a PartiQL statement, another process). */
    private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();

    static void listen(Consumer<String> listener) {
        LISTENERS.add(listener);
    }

    static void stopListening(Consumer<String> listener) {
        LISTENERS.remove(listener);
    }

    /** True for an {@code X-Amz-Target} naming a DynamoDB write, e.g. {@code DynamoDB_20120810.PutItem}. */
    static boolean isWrite(String target) {
        return target != null && target.startsWith("DynamoDB_") && WRITE_OPERATIONS.contains(
                target.substring(target.indexOf('.') + 1));
    }

    /** A write DynamoDB Local received from outside this JVM: every reader looks. */
    static void writtenElsewhere() {
        written(null);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if (!"DynamoDb".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder().putHeader(IN_PROCESS_HEADER, "1").build();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (LISTENERS.isEmpty()) {
            return;
        }
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest put) {
            written(put.tableName());
        } else if (request instanceof UpdateItemRequest update) {
            written(update.tableName());
        } else if (request instanceof DeleteItemRequest delete) {
            written(delete.tableName());
        } else if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().keySet().forEach(TableWrites::written);
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            transaction.transactItems().stream().map(TableWrites::table).distinct().forEach(TableWrites::written);
        } else if (request instanceof ExecuteStatementRequest || request instanceof BatchExecuteStatementRequest
                || request instanceof ExecuteTransactionRequest) {
            written(null);
        }
    }

    private static String table(TransactWriteItem item) {
        if (item.put() != null) {
            return item.put().tableName();
        }
        if (item.update() != null) {
            return item.update().tableName();
        }
        if (item.delete() != null) {
            return item.delete().tableName();
        }
        return item.conditionCheck().tableName();
    }

    private static void written(String table) {
        for (Consumer<String> listener : LISTENERS) {
            listener.accept(table);
        }
    }
}
