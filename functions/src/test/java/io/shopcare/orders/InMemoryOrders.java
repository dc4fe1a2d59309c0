package io.shopcare.orders;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import io.shopcare.idempotency.StoredReply;
import io.shopcare.stock.PreorderCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orders, stock, catalog and backlog in memory, with the write semantics of the DynamoDB adapter:
 * one write applies all or nothing, reservations are refused when on hand changed or too few are free.
 */
final class InMemoryOrders implements OrderStore, OrderInventory {
    final Map<String, Order> orders = new LinkedHashMap<>();
    final Map<String, Instant> deadlines = new HashMap<>();
    final Map<String, long[]> stock = new HashMap<>();
    final Map<String, SkuInfo> skus = new HashMap<>();
    final List<Location> locations = new ArrayList<>();
    final List<CarrierTerms> carriers = new ArrayList<>();
    final Map<String, Long> backlog = new HashMap<>();
    final Set<String> symbols = new HashSet<>();
    final Map<String, Ticket> tickets = new LinkedHashMap<>();
    /** sku -> {pre-ordered, waiting}; sku -> orderId -> units, in the order they joined (the queue's order). */
    final Map<String, long[]> preorders = new HashMap<>();
    final Map<String, Map<String, Long>> queues = new HashMap<>();
    final Map<String, StoredReply> replies = new HashMap<>();
    int writes;

    void product(Product product) {
        product.variants().forEach(v -> skus.put(v.sku(), new SkuInfo(product, v)));
    }

    /** How often a stored reply was looked up. */
    int replyLookups;

    void stock(String sku, String locationId, long onHand) {
        stock.put(sku + "@" + locationId, new long[] {onHand, 0});
    }

    /** The merchant's count: on hand changes, what orders reserved stays. */
    synchronized void onHand(String sku, String locationId, long onHand) {
        long[] level = stock.computeIfAbsent(sku + "@" + locationId, k -> new long[2]);
        level[0] = onHand;
    }

    long[] level(String sku, String locationId) {
        return stock.get(sku + "@" + locationId);
    }

    @Override
    public synchronized Optional<Order> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public synchronized Optional<StoredReply> reply(String key) {
        replyLookups++;
        return Optional.ofNullable(replies.get(key));
    }

    @Override
    public synchronized void write(Write write) throws WriteRefused {
        // As DynamoOrderStore: of all failed conditions, the used key is the one reported.
        if (write.key() != null && replies.containsKey(write.key().key())) {
            throw new WriteRefused(WriteRefused.Reason.KEY_USED);
        }
        Order current = orders.get(write.order().orderId());
        long version = current == null ? 0 : current.version();
        if (version != write.expectedVersion()) {
            throw new WriteRefused(WriteRefused.Reason.ORDER_CHANGED);
        }
        Map<String, long[]> next = new HashMap<>();
        for (StockChange change : write.stock()) {
            String key = change.sku() + "@" + change.locationId();
            long[] level = next.computeIfAbsent(key, k -> stock.get(k).clone());
            if (change.reserve() > 0 && (level[0] != change.seenOnHand() || level[1] > change.seenOnHand() - change.reserve())) {
                throw new WriteRefused(WriteRefused.Reason.STOCK_CHANGED);
            }
            level[1] += change.reserve();
            level[0] -= change.ship();
            level[1] -= change.ship();
            level[0] += change.receive();
        }
        Map<String, long[]> countsNext = new HashMap<>();
        preorders.forEach((sku, c) -> countsNext.put(sku, c.clone()));
        Map<String, Map<String, Long>> queueNext = new HashMap<>();
        queues.forEach((sku, entries) -> queueNext.put(sku, new LinkedHashMap<>(entries)));
        for (PreorderChange change : write.preorders()) {
            long[] counts = countsNext.computeIfAbsent(change.sku(), k -> new long[2]);
            if (change.preordered() > 0 && counts[0] > change.limit() - change.preordered()
                    || counts[0] < -change.preordered() || counts[1] < -change.waiting()) {
                throw new WriteRefused(WriteRefused.Reason.STOCK_CHANGED);
            }
            counts[0] += change.preordered();
            counts[1] += change.waiting();
            Map<String, Long> entries = queueNext.computeIfAbsent(change.sku(), k -> new LinkedHashMap<>());
            if (change.remaining() == null) {
                continue;
            }
            if (change.remaining() > 0) {
                entries.put(write.order().orderId(), (long) change.remaining());
            } else if (entries.remove(write.order().orderId()) == null) {
                throw new WriteRefused(WriteRefused.Reason.STOCK_CHANGED);
            }
        }
        for (PreorderGuard guard : write.guards()) {
            if (countsNext.getOrDefault(guard.sku(), new long[2])[1] > guard.seenWaiting()) {
                throw new WriteRefused(WriteRefused.Reason.STOCK_CHANGED);
            }
        }
        for (Order created : write.created()) {
            if (orders.containsKey(created.orderId())) {
                throw new WriteRefused(WriteRefused.Reason.ORDER_CHANGED);
            }
        }
        if (write.claimSymbol() != null && symbols.contains(write.claimSymbol())) {
            throw new WriteRefused(WriteRefused.Reason.SYMBOL_TAKEN);
        }
        stock.putAll(next);
        preorders.putAll(countsNext);
        queues.putAll(queueNext);
        if (write.claimSymbol() != null) {
            symbols.add(write.claimSymbol());
        }
        if (write.key() != null) {
            replies.put(write.key().key(), StoredReply.completed(write.key().fingerprint(), write.reply()));
        }
        orders.put(write.order().orderId(), write.order());
        write.created().forEach(created -> orders.put(created.orderId(), created));
        if (write.ticket() != null) {
            tickets.put(write.ticket().ticketId(), write.ticket());
        }
        if (write.nextDeadline() == null) {
            deadlines.remove(write.order().orderId());
        } else {
            deadlines.put(write.order().orderId(), write.nextDeadline());
        }
        writes++;
    }

    @Override
    public synchronized Optional<Ticket> findTicket(String ticketId) {
        return Optional.ofNullable(tickets.get(ticketId));
    }

    @Override
    public synchronized TicketPage ticketsByStatus(Ticket.Status status, int limit, String cursor) {
        return new TicketPage(tickets.values().stream().filter(t -> t.status() == status)
                .sorted(Comparator.comparing(Ticket::priority).thenComparing(Ticket::createdAt)).limit(limit).toList(), null);
    }

    @Override
    public synchronized Page byStatus(Order.Status status, int limit, String cursor) {
        return new Page(orders.values().stream().filter(o -> o.status() == status)
                .sorted(Comparator.comparing(Order::createdAt)).limit(limit).toList(), null);
    }

    @Override
    public synchronized Page byCustomer(String email, int limit, String cursor) {
        return new Page(orders.values().stream().filter(o -> o.customer().email().equals(email))
                .sorted(Comparator.comparing(Order::createdAt).reversed()).limit(limit).toList(), null);
    }

    @Override
    public synchronized List<String> due(Instant now, int limit) {
        return deadlines.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).limit(limit).toList();
    }

    @Override
    public Map<String, SkuInfo> skus(Collection<String> wanted) {
        Map<String, SkuInfo> found = new HashMap<>();
        wanted.forEach(sku -> {
            if (skus.containsKey(sku)) {
                found.put(sku, skus.get(sku));
            }
        });
        return found;
    }

    @Override
    public synchronized Map<String, Map<String, StockCount>> stock(Collection<String> wanted) {
        Map<String, Map<String, StockCount>> levels = new HashMap<>();
        stock.forEach((key, level) -> {
            String sku = key.substring(0, key.indexOf('@'));
            if (wanted.contains(sku)) {
                levels.computeIfAbsent(sku, s -> new HashMap<>())
                        .put(key.substring(key.indexOf('@') + 1), new StockCount(level[0], level[1]));
            }
        });
        return levels;
    }

    @Override
    public synchronized Map<String, PreorderCount> preorders(Collection<String> wanted) {
        Map<String, PreorderCount> found = new HashMap<>();
        wanted.forEach(sku -> {
            long[] counts = preorders.getOrDefault(sku, new long[2]);
            found.put(sku, new PreorderCount(counts[0], counts[1]));
        });
        return found;
    }

    @Override
    public synchronized List<QueuedPreorder> preorderQueue(String sku, int limit) {
        return queues.getOrDefault(sku, Map.of()).entrySet().stream()
                .map(e -> new QueuedPreorder(e.getKey(), e.getValue().intValue())).limit(limit).toList();
    }

    @Override
    public List<Location> locations() {
        return locations;
    }

    @Override
    public List<CarrierTerms> carriers() {
        return carriers;
    }

    @Override
    public Map<String, Long> backlog(Collection<String> locationIds) {
        return backlog;
    }
}
