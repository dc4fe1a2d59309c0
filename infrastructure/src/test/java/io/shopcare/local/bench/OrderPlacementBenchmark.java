package io.shopcare.local.bench;

import static io.shopcare.dynamo.Attributes.s;

import io.shopcare.dynamo.InventoryTable;
import io.shopcare.dynamo.OrdersTable;
import io.shopcare.json.Json;
import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import io.shopcare.orders.Allocation;
import io.shopcare.orders.Order;
import io.shopcare.orders.OrderJson;
import io.shopcare.orders.aws.PlaceOrderHandler;
import io.shopcare.stock.aws.StockWrites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Part of the bench command ({@code -Dbench=orders}): placing an order, {@code POST /orders}
 * through the local stack's HTTP gateway (handler, sourcing reads, one TransactWriteItems), against
 * its floor measured in the same run: one raw {@code TransactWriteItems} on the same DynamoDB
 * Local, sent by the same kind of client, of the same items an order writes (a copy of a real
 * order's item under a new id with its {@code attribute_not_exists} condition, the guarded stock
 * update of each allocation, the version bump of each product, a copy of the idempotency record).
 * Orders and raw writes alternate (which goes first alternating too), each alone on an idle stack
 * (the stream consumers a write wakes, e-mail included, are done before the next clock starts),
 * so drift hits both alike. Also: the write units an order of 1, 3 and 10 lines consumes
 * ({@code ReturnConsumedCapacity}), the DynamoDB calls (and read units) of one
 * {@code GET /orders/{id}}, and where an order's time goes (its DynamoDB calls, timed on the
 * handler's threads: {@link DynamoCalls#handlerThread}).
 * <p>
 * Data: the demo catalogue (3 locations, 3 carriers, 20 products, through the merchant API), with
 * the first SKU of ten demo products restocked to a million units at the demo warehouse; orders are
 * HOME deliveries by the demo express courier, paid by card, each with its own Idempotency-Key.
 */
final class OrderPlacementBenchmark {
    /** Pairs per shape; overridable for a quick trial ({@code -Dbench.orders.warmup=5 -Dbench.orders.samples=20}). */
    private static final int WARMUP = Integer.getInteger("bench.orders.warmup", 200);
    private static final int SAMPLES = Integer.getInteger("bench.orders.samples", 300);
    /**
     * A floor probe, not a design ({@code -Dbench.orders.readsFromMemory=true}): the handler answers
     * each decision's reads from the first reading of the same SKUs ({@link ReadsFromMemory}), so an
     * order makes no read before its write. It shows what no way of reading could get under.
     */
    private static final boolean READS_FROM_MEMORY = Boolean.getBoolean("bench.orders.readsFromMemory");
    private static final int[] SHAPES = {1, 3};
    private static final int[] UNIT_SHAPES = {1, 3, 10};
    private static final String WAREHOUSE = "warehouse-prague";
    private static final String CARRIER = "courier-express";
    private static final int UNITS = 1_000_000;
    private static final String SCOPE = "place-order#";
    private static final char[] ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final LocalStack stack;
    private final PrintStream out;
    private final DynamoDbClient dynamoDb;
    private final HttpClient http = HttpClient.newHttpClient();
    private final StockWrites stock;
    private final String orders;
    private final String idempotency;
    private final String inventory;
    private final Random random = new Random(10);
    private final TimedHandler placeOrder;
    /** sku -> productId, ten SKUs of ten different demo products. */
    private final Map<String, String> skus = new java.util.LinkedHashMap<>();
    private int sequence;

    private OrderPlacementBenchmark(LocalStack stack, TimedHandler placeOrder, PrintStream out) {
        this.stack = stack;
        this.placeOrder = placeOrder;
        this.out = out;
        this.dynamoDb = stack.dynamoDb();
        this.orders = stack.tableName("OrdersTable");
        this.idempotency = stack.tableName("IdempotencyTable");
        this.inventory = stack.tableName("InventoryTable");
        this.stock = new StockWrites(dynamoDb, inventory, Clock.systemUTC());
    }

    /**
     * On a fresh stack with the demo data. The functions' log lines (a dozen per order, from the
     * stream consumers too) still cost what they cost but go nowhere while it runs; the report goes to
     * the standard output the bench started with.
     */
    static void runOnFreshStack() throws Exception {
        PrintStream report = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        TimedHandler[] placeOrder = new TimedHandler[1];
        LocalStackOptions options = LocalStackOptions.forTests().withDemoData(true).withHandler("PlaceOrderFunction",
                environment -> placeOrder[0] = new TimedHandler(READS_FROM_MEMORY
                        ? new PlaceOrderHandler(ReadsFromMemory.orderService(environment))
                        : new PlaceOrderHandler(environment)));
        try (LocalStack stack = LocalStack.start(options)) {
            new OrderPlacementBenchmark(stack, placeOrder[0], report).run();
        } finally {
            System.setOut(report);
        }
    }

    public static void main(String[] args) throws Exception {
        runOnFreshStack();
    }

    /** A placed order: its id, the Idempotency-Key it was placed with and its access token. */
    private record Placed(String orderId, String key, String token) {
    }

    /** One timed sample: the whole request, the handler's part of it, and the DynamoDB calls made for it. */
    private record Sample(double millis, double handlerMillis, List<DynamoCalls.Call> calls) {
    }

    private void run() throws Exception {
        restockDemoSkus();
        out.printf("%nOrder placement: POST /orders vs one raw TransactWriteItems of the same items, "
                + "%d pairs per shape after %d warm-up pairs, alternating, each alone on an idle stack%s%n", SAMPLES, WARMUP,
                READS_FROM_MEMORY ? "; FLOOR PROBE: the handler's reads answered from memory, no read before the write" : "");
        for (int lines : SHAPES) {
            pairs(lines);
        }
        for (int lines : UNIT_SHAPES) {
            writeUnits(lines);
        }
        readOnce();
    }

    // ------------------------------------------------------------------ p50 against the raw write

    private void pairs(int lines) throws Exception {
        Placed last = place(lines, "warmup").placed;
        List<Sample> placed = new ArrayList<>();
        List<Sample> raw = new ArrayList<>();
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            Sample order;
            Sample write;
            if (i % 2 == 0) {
                Timed timed = place(lines, "order");
                order = timed.sample;
                write = raw(last);
                last = timed.placed;
            } else {
                write = raw(last);
                Timed timed = place(lines, "order");
                order = timed.sample;
                last = timed.placed;
            }
            if (i >= WARMUP) {
                placed.add(order);
                raw.add(write);
            }
        }
        double orderP50 = percentile(placed.stream().mapToDouble(Sample::millis).toArray(), 50);
        double orderP90 = percentile(placed.stream().mapToDouble(Sample::millis).toArray(), 90);
        double rawP50 = percentile(raw.stream().mapToDouble(Sample::millis).toArray(), 50);
        double rawP90 = percentile(raw.stream().mapToDouble(Sample::millis).toArray(), 90);
        out.printf("%d line(s): POST /orders p50 %6.2f ms  p90 %6.2f ms  |  raw TransactWriteItems p50 %5.2f ms"
                + "  p90 %5.2f ms  |  ratio of p50s %.2fx (target <= 1.5)%n", lines, orderP50, orderP90, rawP50, rawP90,
                orderP50 / rawP50);
        double handlerP50 = percentile(placed.stream().mapToDouble(Sample::handlerMillis).toArray(), 50);
        out.printf("   the handler alone (what Lambda reports as Duration) p50 %.2f ms = %.2fx the raw p50; the rest "
                + "(client, gateway, the event's JSON both ways) %.2f ms%n", handlerP50, handlerP50 / rawP50,
                percentile(placed.stream().mapToDouble(sample -> sample.millis() - sample.handlerMillis()).toArray(), 50));
        breakdown(placed, rawP50);
    }

    /**
     * Where an order's time goes: its DynamoDB calls by operation (medians over the samples); the
     * reads' wall-clock time (from the first read's start to the last read's end: they may overlap)
     * and their summed time; the write; everything else.
     */
    private void breakdown(List<Sample> samples, double rawP50) {
        Map<String, List<Double>> byOperation = new TreeMap<>();
        Map<String, List<Double>> countByOperation = new TreeMap<>();
        double[] readsWall = new double[samples.size()];
        double[] readsSum = new double[samples.size()];
        double[] writes = new double[samples.size()];
        double[] rest = new double[samples.size()];
        double[] calls = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            Map<String, Double> time = new HashMap<>();
            Map<String, Double> count = new HashMap<>();
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (DynamoCalls.Call call : sample.calls) {
                time.merge(call.operation(), call.nanos() / 1e6, Double::sum);
                count.merge(call.operation(), 1.0, Double::sum);
                if (call.operation().startsWith("TransactWriteItems")) {
                    writes[i] += call.nanos() / 1e6;
                } else {
                    readsSum[i] += call.nanos() / 1e6;
                    first = Math.min(first, call.started());
                    last = Math.max(last, call.ended());
                }
            }
            readsWall[i] = first == Long.MAX_VALUE ? 0 : (last - first) / 1e6;
            time.forEach((op, ms) -> byOperation.computeIfAbsent(op, o -> new ArrayList<>()).add(ms));
            count.forEach((op, n) -> countByOperation.computeIfAbsent(op, o -> new ArrayList<>()).add(n));
            calls[i] = sample.calls.size();
            rest[i] = sample.millis - readsWall[i] - writes[i];
        }
        String perOperation = byOperation.entrySet().stream().map(e -> String.format("%s x%.0f %.2f ms", e.getKey(),
                percentile(countByOperation.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray(), 50),
                percentile(e.getValue().stream().mapToDouble(Double::doubleValue).toArray(), 50)))
                .collect(Collectors.joining(", "));
        out.printf("   per order (medians): %.0f DynamoDB calls: %s%n", percentile(calls, 50), perOperation);
        out.printf("   reads before the write %.2f ms from first to last (%.2fx the raw p50; %.2f ms summed), "
                + "the handler's own write %.2f ms, everything else (gateway, event JSON, handler code) %.2f ms%n",
                percentile(readsWall, 50), percentile(readsWall, 50) / rawP50, percentile(readsSum, 50),
                percentile(writes, 50), percentile(rest, 50));
    }

    private record Timed(Placed placed, Sample sample) {
    }

    /** Places an order of {@code lines} lines (one unit each), timing the whole request; alone on an idle stack. */
    private Timed place(int lines, String kind) throws Exception {
        stack.awaitIdle(Duration.ofSeconds(60));
        int n = ++sequence;
        String key = "bench-" + kind + "-" + String.format("%06d", n);
        List<String> chosen = new ArrayList<>(skus.keySet());
        java.util.Collections.rotate(chosen, -n % chosen.size());
        String body = orderBody("shopper-" + n + "@example.com", chosen.subList(0, lines));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/orders"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        DynamoCalls.start(DynamoCalls::handlerThread, false);
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        List<DynamoCalls.Call> calls = DynamoCalls.stop();
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, Object> answer = Json.parseObject(response.body());
        return new Timed(new Placed((String) answer.get("orderId"), key, (String) answer.get("accessToken")),
                new Sample(millis, placeOrder.lastNanos() / 1e6, calls));
    }

    /** The raw write of the same items {@code template} wrote, under a new order id and key; alone on an idle stack. */
    private Sample raw(Placed template) {
        stack.awaitIdle(Duration.ofSeconds(60));
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(sameItems(template)).build();
        long start = System.nanoTime();
        dynamoDb.transactWriteItems(request);
        double millis = (System.nanoTime() - start) / 1e6;
        return new Sample(millis, millis, List.of());
    }

    /**
     * What {@code DynamoOrderStore.write} sends for a new order, in its order: the order item
     * (created only if absent), each allocation's guarded stock update, each product's version
     * bump, the idempotency record (free or expired). The order item and the idempotency record
     * are the template's own, read back and given a new id of the same length, so sizes match.
     */
    private List<TransactWriteItem> sameItems(Placed template) {
        int n = ++sequence;
        String newId = template.orderId.substring(0, template.orderId.indexOf('-') + 1) + randomSuffix();
        String newKey = "bench-rawtx-" + String.format("%06d", n);
        Map<String, AttributeValue> orderItem = renamed(get(orders, Map.of("pk", s(OrdersTable.orderPk(template.orderId)),
                "sk", s(OrdersTable.ORDER_SK))), template.orderId, newId);
        Map<String, AttributeValue> record = renamed(get(idempotency, Map.of("pk", s(SCOPE + template.key))),
                template.orderId, newId);
        record.put("pk", s(SCOPE + newKey));
        Order order = OrderJson.fromStored(Json.parseObject(orderItem.get("doc").s()));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(orders).item(orderItem)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        Set<String> products = new LinkedHashSet<>();
        for (Order.Line line : order.lines()) {
            Map<String, long[]> levels = stock.levels(line.sku());
            for (Allocation allocation : line.allocations()) {
                items.add(stock.reserve(line.sku(), allocation.locationId(), allocation.quantity(),
                        levels.get(allocation.locationId())[0]));
            }
            products.add(line.productId());
        }
        products.forEach(productId -> items.add(stock.touchProduct(productId)));
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(idempotency).item(record)
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(
                        Long.toString(System.currentTimeMillis() / 1000)))).build()).build());
        return items;
    }

    private String randomSuffix() {
        char[] suffix = new char[8];
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(suffix);
    }

    private static Map<String, AttributeValue> renamed(Map<String, AttributeValue> item, String from, String to) {
        Map<String, AttributeValue> copy = new HashMap<>();
        item.forEach((name, value) -> copy.put(name, value.s() != null ? s(value.s().replace(from, to)) : value));
        return copy;
    }

    private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            throw new IllegalStateException("no item " + key + " in " + table);
        }
        return item;
    }

    // ------------------------------------------------------------------ write units, the read

    /** The capacity one order of {@code lines} lines consumes, its raw write's, and the sizes behind it. */
    private void writeUnits(int lines) throws Exception {
        stack.awaitIdle(Duration.ofSeconds(60));
        int n = ++sequence;
        String key = "bench-units-" + String.format("%06d", n);
        List<String> chosen = new ArrayList<>(skus.keySet()).subList(0, lines);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/orders"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(orderBody("units-" + n + "@example.com", chosen))).build();
        DynamoCalls.start(DynamoCalls::handlerThread, true);
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        List<DynamoCalls.Call> calls = DynamoCalls.stop();
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, Object> answer = Json.parseObject(response.body());
        Placed placed = new Placed((String) answer.get("orderId"), key, (String) answer.get("accessToken"));
        DynamoCalls.Call write = calls.stream().filter(c -> c.operation().equals("TransactWriteItems")).findFirst()
                .orElseThrow();
        double readUnits = calls.stream().filter(c -> c != write).mapToDouble(DynamoCalls.Call::total).sum();

        stack.awaitIdle(Duration.ofSeconds(60));
        TransactWriteItemsRequest same = TransactWriteItemsRequest.builder().transactItems(sameItems(placed)).build();
        Thread bench = Thread.currentThread();
        DynamoCalls.start(t -> t == bench, true);
        dynamoDb.transactWriteItems(same);
        DynamoCalls.Call rawWrite = DynamoCalls.stop().get(0);

        stack.awaitIdle(Duration.ofSeconds(60));
        Map<String, Double> standard = oneByOne(sameItems(placed));
        double standardTotal = standard.values().stream().mapToDouble(Double::doubleValue).sum();
        double tableUnits = standard.entrySet().stream().filter(e -> !e.getKey().contains("index"))
                .mapToDouble(Map.Entry::getValue).sum();

        Map<String, AttributeValue> orderItem = get(orders, Map.of("pk", s(OrdersTable.orderPk(placed.orderId)),
                "sk", s(OrdersTable.ORDER_SK)));
        Map<String, AttributeValue> record = get(idempotency, Map.of("pk", s(SCOPE + key)));
        List<Integer> productSizes = new ArrayList<>();
        List<Integer> stockSizes = new ArrayList<>();
        for (String sku : chosen) {
            productSizes.add(size(get(inventory, Map.of("pk", s(InventoryTable.productPk(skus.get(sku))),
                    "sk", s(InventoryTable.PRODUCT_SK)))));
            stockSizes.add(size(get(inventory, Map.of("pk", s(InventoryTable.skuPk(sku)),
                    "sk", s(InventoryTable.stockSk(WAREHOUSE))))));
        }
        out.printf("write units, %2d line(s): DynamoDB Local's ReturnConsumedCapacity for the order's TransactWriteItems "
                        + "%.1f %s (for the raw write of the same items: %.1f); reads before it %.1f RCU in %d calls%n",
                lines, write.total(), write.units(), rawWrite.total(), readUnits, calls.size() - 1);
        out.printf("   the same items written one by one (PutItem/UpdateItem, same conditions): %.1f WCU %s; "
                + "a transaction doubles each item's write in AWS (prepare + commit): 2 x %.1f = %.1f WCU, "
                + "plus %.1f WCU of index writes%n",
                standardTotal, standard, tableUnits, 2 * tableUnits, standardTotal - tableUnits);
        out.printf("   item sizes: order %d B, idempotency record %d B, stock levels %s B, products %s B%n",
                size(orderItem), size(record), stockSizes, productSizes);
    }

    /**
     * Writes each item of a transaction on its own, as PutItem/UpdateItem with the same condition
     * (DynamoDB Local's capacity for single writes follows AWS's rules: 1 WCU per KB of the larger
     * of the item before and after, and as much again per index the item is in); units by kind of
     * item: order, order's index writes, stock levels, products, idempotency record.
     */
    private Map<String, Double> oneByOne(List<TransactWriteItem> items) {
        Map<String, Double> units = new java.util.LinkedHashMap<>();
        Thread bench = Thread.currentThread();
        for (TransactWriteItem item : items) {
            DynamoCalls.start(t -> t == bench, true);
            String kind;
            if (item.put() != null) {
                Put put = item.put();
                kind = put.tableName().equals(orders) ? "order" : "idempotency record";
                dynamoDb.putItem(r -> r.tableName(put.tableName()).item(put.item())
                        .conditionExpression(put.conditionExpression())
                        .expressionAttributeValues(put.expressionAttributeValues().isEmpty() ? null
                                : put.expressionAttributeValues()));
            } else {
                Update update = item.update();
                kind = update.key().get("pk").s().startsWith(InventoryTable.productPk("")) ? "products" : "stock levels";
                dynamoDb.updateItem(r -> r.tableName(update.tableName()).key(update.key())
                        .updateExpression(update.updateExpression()).conditionExpression(update.conditionExpression())
                        .expressionAttributeValues(update.expressionAttributeValues()));
            }
            DynamoCalls.Call call = DynamoCalls.stop().get(0);
            call.units().forEach((table, u) -> units.merge(table.contains("/") ? kind + "'s index writes" : kind, u,
                    Double::sum));
        }
        return units;
    }

    /** The DynamoDB calls (and read units) one GET /orders/{id} makes. */
    private void readOnce() throws Exception {
        Placed placed = place(1, "read").placed;
        stack.awaitIdle(Duration.ofSeconds(60));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/orders/" + placed.orderId))
                .header("Authorization", "Bearer " + placed.token).GET().build();
        http.send(request, HttpResponse.BodyHandlers.ofString());
        DynamoCalls.start(DynamoCalls::handlerThread, true);
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        List<DynamoCalls.Call> calls = DynamoCalls.stop();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /orders/{id} answered " + response.statusCode());
        }
        out.printf("GET /orders/{id}: %d DynamoDB call(s) %s, %.1f RCU (target <= 1 query)%n", calls.size(),
                calls.stream().map(DynamoCalls.Call::operation).toList(),
                calls.stream().mapToDouble(DynamoCalls.Call::total).sum());
    }

    // ------------------------------------------------------------------ data

    /** Ten demo products' first SKU, restocked to a million units at the demo warehouse (merchant API). */
    @SuppressWarnings("unchecked")
    private void restockDemoSkus() throws IOException {
        List<Object> calls;
        try (InputStream in = LocalStack.class.getResourceAsStream("/demo-data.json")) {
            calls = Json.parseArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (Object c : calls) {
            Map<String, Object> call = (Map<String, Object>) c;
            String path = (String) call.get("path");
            if (path.startsWith("/admin/products/") && skus.size() < 10) {
                Map<String, Object> first = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) call.get("body"))
                        .get("variants")).get(0);
                skus.put((String) first.get("sku"), path.substring("/admin/products/".length()));
            }
        }
        for (String sku : skus.keySet()) {
            admin("PUT", "/admin/stock/" + sku + "/" + WAREHOUSE, "{\"onHand\": " + UNITS + "}");
        }
        stack.awaitIdle(Duration.ofSeconds(60));
    }

    private static String orderBody(String email, List<String> skus) {
        String lines = skus.stream().map(sku -> "{\"sku\": \"" + sku + "\", \"quantity\": 1}")
                .collect(Collectors.joining(", "));
        return """
                {"customer": {"email": "%s", "name": "Jana Nováková", "locale": "cs", "phone": "+420 601 123 456"},
                 "lines": [%s],
                 "delivery": {"method": "HOME", "carrier": "%s",
                              "address": {"street": "Dlouhá 12", "city": "Praha", "postcode": "110 00", "country": "CZ"}},
                 "payment": {"method": "CARD"}}""".formatted(email, lines, CARRIER);
    }

    private void admin(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + stack.adminToken()).header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An item's size as DynamoDB counts it (names plus values; strings in UTF-8, numbers about one byte per two digits). */
    private static int size(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                bytes += value.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (value.n() != null) {
                bytes += (value.n().replace("-", "").replace(".", "").length() + 1) / 2 + 1;
            } else {
                bytes += value.toString().length();
            }
        }
        return bytes;
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }
}
