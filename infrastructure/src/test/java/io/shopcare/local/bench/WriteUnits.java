package io.shopcare.local.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The benchmark's meter of DynamoDB write units: a global SDK interceptor (registered in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test class path,
 * so the handlers' own clients are metered unchanged) that, while counting, asks every write for
 * its consumed capacity (table and indexes) and adds it up per table. Inert when not counting.
 * A conditional write that fails returns no capacity; those are counted apart, as failures.
 */
public final class WriteUnits implements ExecutionInterceptor {
    private static volatile boolean counting;
    private static final Map<String, DoubleAdder> UNITS = new ConcurrentHashMap<>();
    private static final LongAdder CONDITION_FAILURES = new LongAdder();

    /** Starts counting from zero. */
    public static void start() {
        UNITS.clear();
        CONDITION_FAILURES.reset();
        counting = true;
    }

    /** Stops counting; returns write units per table. */
    public static Map<String, Double> stop() {
        counting = false;
        Map<String, Double> units = new TreeMap<>();
        UNITS.forEach((table, sum) -> units.put(table, sum.sum()));
        return units;
    }

    /** Conditional writes that failed while counting (each costs at least one unit in AWS). */
    public static long conditionFailures() {
        return CONDITION_FAILURES.sum();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (!counting) {
            return request;
        }
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        if (request instanceof PutItemRequest put) {
            return put.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof UpdateItemRequest update) {
            return update.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof DeleteItemRequest delete) {
            return delete.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof BatchWriteItemRequest batch) {
            return batch.toBuilder().returnConsumedCapacity(indexes).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!counting) {
            return;
        }
        SdkResponse response = context.response();
        if (response instanceof PutItemResponse put) {
            add(put.consumedCapacity());
        } else if (response instanceof UpdateItemResponse update) {
            add(update.consumedCapacity());
        } else if (response instanceof DeleteItemResponse delete) {
            add(delete.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse transaction) {
            transaction.consumedCapacity().forEach(WriteUnits::add);
        } else if (response instanceof BatchWriteItemResponse batch) {
            batch.consumedCapacity().forEach(WriteUnits::add);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (counting && context.exception() instanceof ConditionalCheckFailedException) {
            CONDITION_FAILURES.increment();
        }
    }

    private static void add(ConsumedCapacity capacity) {
        if (capacity != null && capacity.capacityUnits() != null) {
            UNITS.computeIfAbsent(capacity.tableName(), t -> new DoubleAdder()).add(capacity.capacityUnits());
        }
    }
}
