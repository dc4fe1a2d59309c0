package io.shopcare.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The benchmark's log of DynamoDB calls: a global SDK interceptor (listed next to
 * {@link WriteUnits} in {@code software/amazon/awssdk/global/handlers/execution.interceptors}) that,
 * while recording, notes every DynamoDB call made on the threads chosen (e.g. the HTTP gateway's,
 * where route handlers run, leaving out the stream consumers working at the same time): its
 * operation, how long it took, and the capacity it consumed per table and index (it asks for
 * {@code ReturnConsumedCapacity=INDEXES}). Inert when not recording.
 */
public final class DynamoCalls implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.dynamoCalls.started");
    private static volatile Predicate<Thread> recording;
    private static volatile boolean askCapacity;
    private static final ConcurrentLinkedQueue<Call> CALLS = new ConcurrentLinkedQueue<>();

    /**
     * One DynamoDB call: when it started ({@link System#nanoTime}) and how long it took;
     * {@code units} are the capacity units per table, and per index as {@code table/index};
     * {@code total} is what the call consumed in all.
     */
    public record Call(String operation, long started, long nanos, Map<String, Double> units, double total) {
        public long ended() {
            return started + nanos;
        }
    }

    /**
     * Starts recording, from nothing, the calls made on threads that {@code threads} accepts; with
     * {@code capacity}, each asks for its consumed capacity (otherwise the requests go unchanged and
     * only operations and times are noted, for timing runs).
     */
    public static void start(Predicate<Thread> threads, boolean capacity) {
        CALLS.clear();
        askCapacity = capacity;
        recording = threads;
    }

    /** Stops recording; the calls recorded, in the order they ended. */
    public static List<Call> stop() {
        recording = null;
        List<Call> calls = new ArrayList<>(CALLS);
        CALLS.clear();
        return calls;
    }

    /**
     * The threads a route handler's calls are made on: the HTTP gateway's (Jetty's pool named
     * "api"), where handlers run, and the order functions' read pool ("order-reads-N", see
     * {@code OrderServices.reads}), where their reads run side by side.
     */
    public static boolean handlerThread(Thread thread) {
        String name = thread.getName();
        return name.startsWith("api-") || name.startsWith("order-reads-");
    }

    private static boolean recorded(ExecutionAttributes attributes) {
        Predicate<Thread> threads = recording;
        return threads != null && "DynamoDB".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                && threads.test(Thread.currentThread());
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (recorded(attributes)) {
            attributes.putAttribute(STARTED, System.nanoTime());
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (attributes.getAttribute(STARTED) == null || !askCapacity) {
            return request;
        }
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof BatchGetItemRequest batch) {
            return batch.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof PutItemRequest put) {
            return put.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof UpdateItemRequest update) {
            return update.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.toBuilder().returnConsumedCapacity(indexes).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started == null) {
            return;
        }
        long nanos = System.nanoTime() - started;
        List<ConsumedCapacity> consumed = new ArrayList<>();
        SdkResponse response = context.response();
        if (response instanceof GetItemResponse get) {
            consumed.add(get.consumedCapacity());
        } else if (response instanceof QueryResponse query) {
            consumed.add(query.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse batch) {
            consumed.addAll(batch.consumedCapacity());
        } else if (response instanceof PutItemResponse put) {
            consumed.add(put.consumedCapacity());
        } else if (response instanceof UpdateItemResponse update) {
            consumed.add(update.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse transaction) {
            consumed.addAll(transaction.consumedCapacity());
        }
        Map<String, Double> units = new TreeMap<>();
        double total = 0;
        for (ConsumedCapacity capacity : consumed) {
            if (capacity == null) {
                continue;
            }
            if (capacity.capacityUnits() != null) {
                total += capacity.capacityUnits();
            }
            if (capacity.table() != null && capacity.table().capacityUnits() != null) {
                units.merge(capacity.tableName(), capacity.table().capacityUnits(), Double::sum);
            } else if (capacity.capacityUnits() != null && capacity.globalSecondaryIndexes().isEmpty()) {
                units.merge(capacity.tableName(), capacity.capacityUnits(), Double::sum);
            }
            capacity.globalSecondaryIndexes().forEach((index, c) -> {
                if (c.capacityUnits() != null) {
                    units.merge(capacity.tableName() + "/" + index, c.capacityUnits(), Double::sum);
                }
            });
        }
        CALLS.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), started, nanos, units, total));
    }

    /** A call that failed (a cancelled transaction, a failed condition) is noted with no capacity. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            CALLS.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " (failed)", started,
                    System.nanoTime() - started, Map.of(), 0));
        }
    }
}
