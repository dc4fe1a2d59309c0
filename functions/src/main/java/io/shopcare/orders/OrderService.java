package io.shopcare.orders;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.Money;
import io.shopcare.catalog.Product;
import io.shopcare.concurrency.Backoff;
import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.json.Instants;
import io.shopcare.json.Json;
import io.shopcare.observability.LogContext;
import io.shopcare.observability.Metrics;
import io.shopcare.orders.Order.Customer;
import io.shopcare.orders.Order.Deadlines;
import io.shopcare.orders.Order.Delivery;
import io.shopcare.orders.Order.DeliveryMethod;
import io.shopcare.orders.Order.Line;
import io.shopcare.orders.Order.LineStatus;
import io.shopcare.orders.Order.Parcel;
import io.shopcare.orders.Order.Payment;
import io.shopcare.orders.Order.PaymentMethod;
import io.shopcare.orders.Order.PaymentStatus;
import io.shopcare.orders.Order.Pickup;
import io.shopcare.orders.Order.Slot;
import io.shopcare.orders.Order.Status;
import io.shopcare.orders.OrderInventory.CarrierTerms;
import io.shopcare.orders.OrderInventory.QueuedPreorder;
import io.shopcare.orders.OrderInventory.SkuInfo;
import io.shopcare.orders.OrderInventory.StockCount;
import io.shopcare.orders.OrderRules.Action;
import io.shopcare.orders.OrderRules.AdminEvent;
import io.shopcare.orders.OrderRules.Deadline;
import io.shopcare.orders.OrderStore.PreorderChange;
import io.shopcare.orders.OrderStore.PreorderGuard;
import io.shopcare.orders.OrderStore.StockChange;
import io.shopcare.orders.OrderStore.WriteRefused;
import io.shopcare.outcome.Refusal;
import io.shopcare.stock.PreorderCount;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Orders from quote to hand-over (orders.md): sourcing and reservation in one atomic write,
 * estimates from the live backlog, payments, changes, cancellations, the merchant's events and the
 * clock's deadlines. Every change is read, decide, write-if-unchanged: a concurrent change of the
 * order or of the stock it reserves makes the write fail and the decision is made again on fresh data.
 */
public final class OrderService {
    private static final int ATTEMPTS = 10;
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final char[] ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);
    /** Pickup points keep parcels this long (orders.md); stores say their own storageDays. */
    private static final int PICKUP_POINT_STORAGE_DAYS = 7;
    /** Pre-orders read per page of a SKU's queue. */
    private static final int PREORDER_PAGE = 50;

    private final OrderStore store;
    private final OrderInventory inventory;
    private final OrderTokens tokens;
    private final OrderSettings settings;
    private final Clock clock;
    private final RandomGenerator random;

    public OrderService(OrderStore store, OrderInventory inventory, OrderTokens tokens, OrderSettings settings,
                        Clock clock, RandomGenerator random) {
        this.store = store;
        this.inventory = inventory;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** What the shopper asked for; {@code address} is kept as given (validated at the edge). */
    public record DeliveryRequest(DeliveryMethod method, String carrierId, Map<String, Object> address,
                                  String pickupPointId, String storeId, Slot slot) {
    }

    public record PlaceRequest(Customer customer, List<LineRequest> lines, DeliveryRequest delivery,
                               PaymentMethod payment) {
    }

    public record QuoteOption(DeliveryMethod method, String carrierId, String storeId, Money price, Estimate estimate) {
    }

    /** An order as its reader may see it: the order object with what they can do now. */
    public Map<String, Object> answer(Order order) {
        return OrderJson.answer(order, OrderRules.allowedActions(order, clock.instant()));
    }

    // ------------------------------------------------------------------ quote and place

    public List<QuoteOption> quote(List<LineRequest> lines, DeliveryMethod method, String storeId) {
        checkLines(lines);
        Instant now = clock.instant();
        Context context = context(lines);
        List<QuoteOption> options = new ArrayList<>();
        if (method == DeliveryMethod.STORE) {
            List<Location> stores = context.locations.values().stream()
                    .filter(l -> takesPickups(l) && (storeId == null || l.locationId().equals(storeId)))
                    .sorted(java.util.Comparator.comparing(Location::locationId)).toList();
            if (storeId != null && stores.isEmpty()) {
                throw Refusal.invalid("delivery.storeId", "is not a store that offers pickup");
            }
            for (Location s : stores) {
                Planned planned = plan(context, lines, method, s.locationId(), null, now);
                options.add(new QuoteOption(method, null, s.locationId(), new Money(zero(), context.currency),
                        planned.estimate));
            }
        } else {
            for (CarrierTerms carrier : context.carriers) {
                if (!carrier.methods().contains(method) || !carrier.price().currency().equals(context.currency)) {
                    continue;
                }
                Planned planned = plan(context, lines, method, null, carrier, now);
                options.add(new QuoteOption(method, carrier.carrierId(), null, deliveryPrice(carrier, context, lines),
                        planned.estimate));
            }
        }
        return options;
    }

    /**
     * Places an order; the reply (the order object) and the access token that reads it. The key is
     * not looked up first: the order's write claims it (a retry's write is refused as KEY_USED and
     * answered from the stored reply), and a refusal is only given once no reply is stored under the
     * key, so a retry is answered as the first request was, whatever would be decided now. A fresh
     * request, the usual one, saves a round trip before its decision's reads.
     */
    public Placed place(PlaceRequest request, Optional<IdempotencyKey> key) {
        try {
            return decideAndWrite(request, key);
        } catch (Refusal refusal) {
            return key.flatMap(this::replayPlacement).orElseThrow(() -> refusal);
        }
    }

    private Placed decideAndWrite(PlaceRequest request, Optional<IdempotencyKey> key) {
        checkLines(request.lines());
        DeliveryRequest delivery = request.delivery();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Context context = context(request.lines());
            CarrierTerms carrier = null;
            if (delivery.method() != DeliveryMethod.STORE) {
                carrier = context.carriers.stream().filter(c -> c.carrierId().equals(delivery.carrierId())).findFirst()
                        .orElseThrow(() -> Refusal.invalid("delivery.carrier", "is not a carrier of this shop"));
                if (!carrier.methods().contains(delivery.method())) {
                    throw Refusal.invalid("delivery.carrier", "does not deliver by " + delivery.method());
                }
                if (!carrier.price().currency().equals(context.currency)) {
                    throw Refusal.invalid("delivery.carrier", "does not deliver orders in " + context.currency);
                }
            } else {
                Location s = context.locations.get(delivery.storeId());
                if (s == null || !takesPickups(s)) {
                    throw Refusal.invalid("delivery.storeId", "is not a store that offers pickup");
                }
            }
            Planned planned = plan(context, request.lines(), delivery.method(), delivery.storeId(), carrier, now);
            if (delivery.slot() != null) {
                // The rule of PUT …/delivery: one of the carrier's slots, not before the estimate's earliest day.
                checkSlot(delivery.slot(), carrier == null ? List.of() : carrier.slotWindows(), delivery.method(),
                        planned.estimate.earliest(), "delivery.slot");
            }
            String orderId = newOrderId(now);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < request.lines().size(); i++) {
                LineRequest line = request.lines().get(i);
                SkuInfo info = context.skus.get(line.sku());
                lines.add(new Line(line.sku(), info.product().productId(), info.product().name(), info.variant().size(),
                        info.variant().colour(), money(info.price()), line.quantity(), 0, 0, planned.statuses.get(i),
                        planned.allocations.get(i)));
            }
            Money deliveryPrice = delivery.method() == DeliveryMethod.STORE ? new Money(zero(), context.currency)
                    : deliveryPrice(carrier, context, request.lines());
            String symbol = request.payment() == PaymentMethod.BANK_TRANSFER ? VariableSymbols.random(random) : null;
            Delivery chosen = new Delivery(delivery.method(), delivery.carrierId(), delivery.address(),
                    delivery.pickupPointId(), delivery.storeId(), delivery.slot(),
                    carrier == null ? List.of() : carrier.slotWindows(),
                    carrier == null ? null : new Order.DeliveryTerms(carrier.name(), carrier.price(), carrier.freeFrom()));
            Order draft = new Order(orderId, 0, Status.PENDING_PAYMENT, now, request.customer(), List.copyOf(lines),
                    chosen, deliveryPrice, planned.estimate, planned.modifiableUntil,
                    new Payment(request.payment(), PaymentStatus.PENDING, null, null, BigDecimal.ZERO, BigDecimal.ZERO), List.of(), null,
                    null, null, List.of(), Deadlines.NONE, Order.Aftercare.NONE);
            Payment payment = newPayment(request.payment(), orderId, draft.total(), now, symbol);
            Order.Builder next = draft.next().payment(payment)
                    .status(request.payment() == PaymentMethod.CASH_ON_DELIVERY ? Status.CONFIRMED : Status.PENDING_PAYMENT)
                    .event(now, "PLACED", Map.of("total", draft.total().toJson()));
            Order order = next.build();
            String reply = Json.write(answer(order));
            try {
                List<StockChange> reserved = reservations(order.lines(), context.stock);
                store.write(new OrderStore.Write(order, 0, reserved, queueJoins(order.lines(), context),
                        guards(reserved, context), symbol, deadline(order), List.of(), null, key.orElse(null), reply));
                LogContext.touch("orderId", orderId);
                Metrics.count("OrdersPlaced", "method", delivery.method().name(), 1);
                return new Placed(order, tokens.issue(orderId), reply);
            } catch (WriteRefused e) {
                if (e.reason() == WriteRefused.Reason.KEY_USED) {
                    return replayPlacement(key.get()).orElseThrow(OrderService::busy);
                }
                if (e.reason() == WriteRefused.Reason.STOCK_CHANGED) {
                    Metrics.count("StockConflicts", 1);
                }
                Backoff.pause(attempt);
            }
        }
        throw busy();
    }

    /** A placed order: its answer (the order object) and the token that reads it. */
    public record Placed(Order order, String accessToken, String reply) {
    }

    private Optional<Placed> replayPlacement(IdempotencyKey key) {
        return store.reply(key.key()).map(stored -> {
            String reply = key.replay(stored);
            String orderId = (String) Json.parseObject(reply).get("orderId");
            return new Placed(null, tokens.issue(orderId), reply);
        });
    }

    // ------------------------------------------------------------------ the shopper's order

    /** The order for its token holder; 404 for a wrong or missing token, never revealing that it exists. */
    public Order read(String orderId, String accessToken) {
        authorize(orderId, accessToken);
        return store.find(orderId).orElseThrow(() -> Refusal.notFound("The order"));
    }

    /** The token is an HMAC of the order id: checked without reading anything. */
    void authorize(String orderId, String accessToken) {
        if (accessToken == null || !tokens.verify(orderId, accessToken)) {
            throw Refusal.notFound("The order");
        }
    }

    public Order adminRead(String orderId) {
        return store.find(orderId).orElseThrow(() -> Refusal.notFound("The order"));
    }

    public String modify(String orderId, String token, List<LineRequest> newLines, Optional<IdempotencyKey> key) {
        authorize(orderId, token);
        checkLines(newLines);
        return mutate(orderId, key, order -> {
            Instant now = clock.instant();
            if (!OrderRules.canModify(order, now)) {
                throw Refusal.conflict("NOT_MODIFIABLE", order.modifiableUntil() == null
                        ? "The order can no longer be changed." : "The order could be changed until "
                        + order.modifiableUntil() + "; it is being prepared now.");
            }
            Map<String, Integer> wanted = new LinkedHashMap<>();
            newLines.forEach(l -> wanted.put(l.sku(), l.quantity()));
            List<LineRequest> added = new ArrayList<>();
            List<Integer> addedIndex = new ArrayList<>();
            for (int i = 0; i < newLines.size(); i++) {
                LineRequest l = newLines.get(i);
                Line current = order.line(l.sku());
                int have = current == null ? 0 : current.quantity();
                if (l.quantity() > have) {
                    added.add(new LineRequest(l.sku(), l.quantity() - have));
                    addedIndex.add(i);
                }
            }
            // Only what is added must be sold now: a line kept or lowered keeps its price and name even if
            // its product was withdrawn or repriced in another currency since.
            Context context = context(added, addedIndex, order.currency());
            if (!context.currency.equals(order.currency())) {
                throw Refusal.invalid("lines", "all lines of an order share one currency (" + order.currency() + ")");
            }
            CarrierTerms carrier = carrierOf(order, context);
            List<List<Allocation>> addedAllocations = List.of();
            if (!added.isEmpty()) {
                SourcingPlan plan = source(context, added, order.delivery().method(), order.delivery().storeId(), now,
                        true);
                if (!plan.complete()) {
                    List<Refusal.Problem> problems = new ArrayList<>();
                    for (Shortage s : plan.shortages()) {
                        int index = addedIndex.get(s.lineIndex());
                        Line current = order.line(added.get(s.lineIndex()).sku());
                        long could = s.available() + (current == null ? 0 : current.quantity());
                        problems.add(new Refusal.Problem("lines[" + index + "]", "only " + could + " available"));
                    }
                    throw Refusal.conflict("INSUFFICIENT_STOCK", "Not enough stock for some lines; nothing was changed.",
                            problems);
                }
                addedAllocations = plan.allocations();
            }
            List<StockChange> changes = new ArrayList<>();
            List<PreorderChange> preorders = new ArrayList<>();
            List<Line> lines = new ArrayList<>();
            for (Line line : order.lines()) {
                Integer target = wanted.get(line.sku());
                int quantity = target == null ? 0 : target;
                if (quantity < line.quantity()) {
                    preorders.addAll(preorderCancellation(order, line, line.quantity() - quantity));
                    Released released = release(line.allocations(), line.quantity() - quantity);
                    released.units.forEach((loc, units) -> changes.add(
                            new StockChange(line.sku(), loc, line.productId(), -units, 0, null)));
                    lines.add(line.withQuantity(quantity, line.cancelledQuantity(), released.remaining));
                } else if (quantity > line.quantity()) {
                    List<Allocation> more = addedAllocations.get(indexOf(added, line.sku()));
                    lines.add(line.withQuantity(quantity, line.cancelledQuantity(), merge(line.allocations(), more)));
                    changes.addAll(reservations(line.sku(), line.productId(), more, context.stock));
                } else {
                    lines.add(line);
                }
            }
            for (LineRequest l : newLines) {
                if (order.line(l.sku()) == null) {
                    SkuInfo info = context.skus.get(l.sku());
                    List<Allocation> allocations = addedAllocations.get(indexOf(added, l.sku()));
                    lines.add(new Line(l.sku(), info.product().productId(), info.product().name(), info.variant().size(),
                            info.variant().colour(), money(info.price()), l.quantity(), 0, 0, LineStatus.RESERVED,
                            allocations));
                    changes.addAll(reservations(l.sku(), info.product().productId(), allocations, context.stock));
                }
            }
            Order.Builder next = order.next().lines(lines);
            Order draft = next.build();
            Money deliveryPrice = order.delivery().method() == DeliveryMethod.STORE ? order.deliveryPrice()
                    : deliveryPriceOf(order, carrier, draft.lines());
            BigDecimal newTotal = draft.goodsTotal().add(deliveryPrice.amount());
            if (order.payment().paid().signum() > 0 && newTotal.compareTo(order.total().amount()) > 0) {
                throw Refusal.conflict("ALREADY_PAID", "The order is paid; a change may not raise its total "
                        + "(place another order for more).");
            }
            Timing timing = timing(context, lines, order.delivery().method(), order.delivery().storeId(), carrier, now);
            next = order.next().lines(lines).deliveryPrice(deliveryPrice).estimate(timing.after(order.estimatedDelivery()))
                    .modifiableUntil(timing.modifiableAfter(order.modifiableUntil()))
                    .event(now, "MODIFIED", Map.of("total", new Money(newTotal.setScale(2), order.currency()).toJson()));
            Order modified = next.build();
            BigDecimal lower = order.total().amount().subtract(newTotal);
            if (order.payment().paid().signum() > 0 && lower.signum() > 0) {
                modified = refund(modified, lower, now, "MODIFIED");
            } else if (modified.payment().method() == PaymentMethod.BANK_TRANSFER
                    && modified.payment().status() != PaymentStatus.PAID) {
                modified = modified.next().payment(withAmount(modified.payment(), orderId, modified.total())).build();
            }
            return new OrderChange(modified, changes, preorders, guards(changes, context), null);
        });
    }

    public String cancel(String orderId, String token, List<LineRequest> lines, Optional<IdempotencyKey> key) {
        authorize(orderId, token);
        return mutate(orderId, key, order -> {
            if (!OrderRules.canCancel(order)) {
                throw Refusal.conflict("NOT_CANCELLABLE", order.status() == Status.CANCELLED
                        ? "The order is already cancelled." : "The order has left the warehouse; return it instead.");
            }
            if (lines == null) {
                return cancelWhole(order, "CUSTOMER");
            }
            Map<String, Integer> cancelled = new HashMap<>();
            List<Refusal.Problem> problems = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                LineRequest l = lines.get(i);
                Line line = order.line(l.sku());
                if (line == null) {
                    throw Refusal.invalid("lines[" + i + "].sku", "is not a line of this order");
                }
                if (cancelled.put(l.sku(), l.quantity()) != null) {
                    throw Refusal.invalid("lines[" + i + "].sku", "appears more than once");
                }
                if (l.quantity() > line.quantity()) {
                    problems.add(new Refusal.Problem("lines[" + i + "].quantity",
                            "only " + line.quantity() + " can still be cancelled"));
                }
            }
            if (!problems.isEmpty()) {
                throw Refusal.conflict("NOT_CANCELLABLE", "Fewer units are left on some lines.", problems);
            }
            boolean everything = order.lines().stream()
                    .allMatch(l -> l.quantity() == cancelled.getOrDefault(l.sku(), 0));
            if (everything) {
                return cancelWhole(order, "CUSTOMER");
            }
            Instant now = clock.instant();
            List<StockChange> changes = new ArrayList<>();
            List<PreorderChange> queue = new ArrayList<>();
            List<Line> next = new ArrayList<>();
            BigDecimal amount = BigDecimal.ZERO;
            List<Map<String, Object>> detailLines = new ArrayList<>();
            for (Line line : order.lines()) {
                int units = cancelled.getOrDefault(line.sku(), 0);
                if (units == 0) {
                    next.add(line);
                    continue;
                }
                queue.addAll(preorderCancellation(order, line, units));
                Released released = release(line.allocations(), units);
                released.units.forEach((loc, u) -> changes.add(new StockChange(line.sku(), loc, line.productId(), -u, 0, null)));
                next.add(line.withQuantity(line.quantity() - units, line.cancelledQuantity() + units, released.remaining));
                amount = amount.add(line.unitPrice().amount().multiply(BigDecimal.valueOf(units)));
                detailLines.add(Map.of("sku", line.sku(), "quantity", units));
            }
            Order.Builder builder = order.next().lines(next)
                    .event(now, "LINES_CANCELLED", Map.of("lines", detailLines));
            Order partly = builder.build();
            if (order.payment().paid().signum() > 0) {
                partly = refund(partly, amount, now, "LINES_CANCELLED");
            } else if (order.payment().method() == PaymentMethod.BANK_TRANSFER) {
                partly = partly.next().payment(withAmount(partly.payment(), orderId, partly.total())).build();
            }
            return new OrderChange(partly, changes, queue, null);
        });
    }

    public String changePayment(String orderId, String token, PaymentMethod method, Optional<IdempotencyKey> key) {
        authorize(orderId, token);
        return mutate(orderId, key, order -> {
            if (!OrderRules.canChangePayment(order)) {
                throw Refusal.conflict("NOT_PAYABLE", order.payment().status() == PaymentStatus.PAID
                        ? "The order is paid already." : "The payment of this order can no longer be changed.");
            }
            Instant now = clock.instant();
            String symbol = null;
            String existing = order.payment().instructions() == null ? null
                    : (String) order.payment().instructions().get("variableSymbol");
            if (method == PaymentMethod.BANK_TRANSFER && existing == null) {
                symbol = VariableSymbols.random(random);
            }
            Payment payment = newPayment(method, orderId, order.total(), now, existing != null ? existing : symbol);
            Order next = order.next().payment(payment)
                    .status(method == PaymentMethod.CASH_ON_DELIVERY ? Status.CONFIRMED : Status.PENDING_PAYMENT)
                    .deadlines(new Deadlines(false, order.deadlines().pickupReminderSent()))
                    .event(now, "PAYMENT_METHOD_CHANGED", Map.of("method", method.name())).build();
            return new OrderChange(next, List.of(), symbol);
        }, OrderService::paymentAnswer);
    }

    /** The answer of {@code POST /orders/{id}/payments}: the payment as it is now. */
    private static Map<String, Object> paymentAnswer(Order order) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", order.payment().status().name());
        json.put("method", order.payment().method().name());
        if (order.payment().dueBy() != null) {
            json.put("dueBy", Instants.answered(order.payment().dueBy()));
        }
        if (order.payment().instructions() != null) {
            json.put("instructions", order.payment().instructions());
        }
        return json;
    }

    public String changeDelivery(String orderId, String token, Integer extendPickupDays, Slot slot,
                                 Optional<IdempotencyKey> key) {
        authorize(orderId, token);
        return mutate(orderId, key, order -> {
            Instant now = clock.instant();
            Order.Builder next = order.next();
            if (extendPickupDays != null) {
                if (!OrderRules.canExtendPickup(order)) {
                    throw Refusal.conflict("NOT_EXTENDABLE", order.status() == Status.READY_FOR_PICKUP
                            ? "The pickup was already extended by the most days allowed."
                            : "Only an order waiting for pickup can be extended.");
                }
                Pickup pickup = order.pickup();
                int left = OrderRules.MAX_PICKUP_EXTENSION_DAYS - pickup.extendedDays();
                if (extendPickupDays > left) {
                    throw Refusal.conflict("NOT_EXTENDABLE", "The pickup can be extended by " + left + " more day"
                            + (left == 1 ? "" : "s") + " at most.",
                            List.of(new Refusal.Problem("extendPickupDays", "at most " + left)));
                }
                LocalDate until = pickup.storageUntil().plusDays(extendPickupDays);
                next.pickup(new Pickup(pickup.location(), pickup.openingHours(), until, pickup.timezone(),
                        pickup.extendedDays() + extendPickupDays))
                        .event(now, "PICKUP_EXTENDED", Map.of("storageUntil", until.toString()));
            }
            if (slot != null) {
                if (!OrderRules.canChooseSlot(order)) {
                    throw Refusal.conflict("SLOT_NOT_AVAILABLE",
                            "A delivery slot can be chosen only for home delivery by a carrier with slots, until delivery.");
                }
                checkSlot(slot, order.delivery().slotWindows(), order.delivery().method(),
                        order.estimatedDelivery().earliest(), "deliverySlot");
                next.delivery(order.delivery().withSlot(slot))
                        .event(now, "DELIVERY_SLOT_CHOSEN", Map.of("date", slot.date().toString(), "from", slot.from(),
                                "to", slot.to()));
            }
            return new OrderChange(next.build(), List.of(), null);
        });
    }

    // ------------------------------------------------------------------ the merchant

    /** One event from the merchant, a payment provider or a carrier. */
    public record AdminEventRequest(AdminEvent type, String carrier, String trackingNumber, String trackingUrl,
                                    Map<String, Object> pickupPoint, BigDecimal amount, String reason, String returnId) {
        public AdminEventRequest(AdminEvent type, String carrier, String trackingNumber, String trackingUrl,
                                 Map<String, Object> pickupPoint, BigDecimal amount, String reason) {
            this(type, carrier, trackingNumber, trackingUrl, pickupPoint, amount, reason, null);
        }
    }

    public String adminEvent(String orderId, AdminEventRequest event, Optional<IdempotencyKey> key) {
        return mutate(orderId, key, order -> {
            if (!OrderRules.fits(event.type(), order)) {
                throw Refusal.conflict("EVENT_NOT_ALLOWED", "A " + event.type() + " event does not fit an order that is "
                        + order.status() + (event.type() == AdminEvent.PAID && order.payment().status() == PaymentStatus.PAID
                        ? " and paid" : "") + ".");
            }
            Instant now = clock.instant();
            return switch (event.type()) {
                case PAID -> paid(order, event.amount(), now);
                case PAYMENT_FAILED -> new OrderChange(order.next().status(Status.PAYMENT_FAILED)
                        .payment(withStatus(order.payment(), PaymentStatus.FAILED))
                        .event(now, "PAYMENT_FAILED", Map.of()).build(), List.of(), null);
                case PACKED -> new OrderChange(order.next().status(Status.PACKED).event(now, "PACKED", Map.of()).build(),
                        List.of(), null);
                case SHIPPED -> shipped(order, event, now);
                case READY_FOR_PICKUP -> readyForPickup(order, event, now);
                case DELIVERED -> handedOver(order, Status.DELIVERED, now);
                case PICKED_UP -> handedOver(order, Status.PICKED_UP, now);
                case CANCELLED -> cancelWhole(order, event.reason() == null ? "MERCHANT" : event.reason());
                case REFUNDED -> {
                    BigDecimal left = order.payment().paid().subtract(order.payment().refunded());
                    if (event.amount() == null) {
                        throw Refusal.invalid("amount", "is required for REFUNDED");
                    }
                    if (event.amount().compareTo(left) > 0) {
                        throw Refusal.conflict("EVENT_NOT_ALLOWED", "At most " + left.toPlainString() + " "
                                + order.currency() + " is left to refund.",
                                List.of(new Refusal.Problem("amount", "at most " + left.toPlainString())));
                    }
                    yield new OrderChange(refund(order, event.amount(), now, "MERCHANT"), List.of(), null);
                }
                case RETURN_RECEIVED -> Returns.receive(order, event.returnId(), now);
            };
        });
    }

    public OrderStore.Page list(Status status, String email, int limit, String cursor) {
        return status != null ? store.byStatus(status, limit, cursor) : store.byCustomer(email, limit, cursor);
    }

    // ------------------------------------------------------------------ the clock

    /** Sends due reminders and cancels what is overdue; returns how many orders it acted on. */
    public int runDeadlines(int limit) {
        return runDeadlines(clock.instant(), limit);
    }

    /** The sweep as of {@code now} (a schedule's own time: what was due when it fired). */
    public int runDeadlines(Instant now, int limit) {
        int acted = 0;
        for (String orderId : store.due(now, limit)) {
            LogContext.touch("orderId", orderId);
            try {
                mutate(orderId, Optional.empty(), order -> onDeadline(order, now));
                acted++;
            } catch (NothingDue e) {
                // Handled meanwhile (paid, collected, or a second sweep got there first).
            }
        }
        return acted;
    }

    private OrderChange onDeadline(Order order, Instant now) {
        Deadline deadline = OrderRules.nextDeadline(order, settings);
        if (deadline == null || deadline.at().isAfter(now)) {
            throw new NothingDue();
        }
        // A sweep that comes late (an outage) skips a reminder whose deadline has passed too: no
        // "tomorrow is the last day" after the last day.
        if (deadline.kind() == OrderRules.DeadlineKind.PAYMENT_REMINDER && !now.isBefore(order.payment().dueBy())) {
            return cancelWhole(order, "PAYMENT_EXPIRED");
        }
        if (deadline.kind() == OrderRules.DeadlineKind.PICKUP_REMINDER
                && !LocalDate.ofInstant(now, ZoneId.of(order.pickup().timezone())).isBefore(order.pickup().storageUntil())) {
            OrderChange skipped = new OrderChange(order.next()
                    .deadlines(new Deadlines(order.deadlines().paymentReminderSent(), true)).build(), List.of(), null);
            Deadline after = OrderRules.nextDeadline(skipped.next(), settings);
            return after != null && !after.at().isAfter(now) ? onDeadline(skipped.next(), now) : skipped;
        }
        return switch (deadline.kind()) {
            case PAYMENT_REMINDER -> new OrderChange(order.next()
                    .deadlines(new Deadlines(true, order.deadlines().pickupReminderSent()))
                    .event(now, "PAYMENT_REMINDER", Map.of("dueBy", Instants.answered(order.payment().dueBy()))).build(),
                    List.of(), null);
            case PAYMENT_EXPIRY -> cancelWhole(order, "PAYMENT_EXPIRED");
            case PICKUP_REMINDER -> new OrderChange(order.next()
                    .deadlines(new Deadlines(order.deadlines().paymentReminderSent(), true))
                    .event(now, "PICKUP_REMINDER", Map.of("storageUntil", order.pickup().storageUntil().toString()))
                    .build(), List.of(), null);
            case PICKUP_EXPIRY -> cancelWhole(order, "PICKUP_NOT_COLLECTED");
        };
    }

    private static final class NothingDue extends RuntimeException {
        NothingDue() {
            super(null, null, false, false);
        }
    }

    // ------------------------------------------------------------------ pre-orders

    /**
     * Hands the SKU's free units to its waiting pre-orders, oldest first: each line whole, and none
     * after the first that cannot be served, so no later pre-order overtakes an earlier one. Safe
     * to run again and concurrently: a filled line is no longer PREORDERED, and every fill is one
     * atomic write guarded like a new order's. Returns the lines filled.
     */
    public int fillPreorders(String sku) {
        int filled = 0;
        while (true) {
            List<QueuedPreorder> queue = inventory.preorderQueue(sku, PREORDER_PAGE);
            int before = filled;
            for (QueuedPreorder entry : queue) {
                LogContext.touch("orderId", entry.orderId());
                try {
                    mutate(entry.orderId(), Optional.empty(), order -> fill(order, sku));
                    filled++;
                } catch (QueueBlocked e) {
                    return filled;
                } catch (NothingToFill e) {
                    // Filled or cancelled meanwhile: its queue entry went in the same write.
                }
            }
            if (queue.size() < PREORDER_PAGE || filled == before) {
                return filled;
            }
        }
    }

    private OrderChange fill(Order order, String sku) {
        Line line = order.line(sku);
        if (line == null || line.status() != LineStatus.PREORDERED || line.quantity() == 0) {
            throw new NothingToFill();
        }
        Instant now = clock.instant();
        // The SKUs still waiting too: the recomputed estimate is that of the latest line.
        List<LineRequest> read = order.lines().stream().filter(l -> l.status() == LineStatus.PREORDERED)
                .map(l -> new LineRequest(l.sku(), l.quantity())).toList();
        Context context = context(read);
        SourcingPlan plan = source(context, List.of(new LineRequest(sku, line.quantity())), order.delivery().method(),
                order.delivery().storeId(), now, false);
        if (!plan.complete()) {
            throw new QueueBlocked();
        }
        List<Allocation> allocations = plan.allocations().get(0);
        List<Line> lines = order.lines().stream().map(l -> l.sku().equals(sku)
                ? l.withQuantity(l.quantity(), l.cancelledQuantity(), allocations).withStatus(LineStatus.RESERVED) : l)
                .toList();
        Order.Builder next = order.next().lines(lines)
                .event(now, "PREORDER_FILLED", Map.of("sku", sku, "quantity", line.quantity()));
        CarrierTerms carrier = order.delivery().method() == DeliveryMethod.STORE ? null : context.carriers.stream()
                .filter(c -> c.carrierId().equals(order.delivery().carrierId())).findFirst().orElse(null);
        if (carrier != null || order.delivery().method() == DeliveryMethod.STORE) {
            Timing timing = timing(context, lines, order.delivery().method(), order.delivery().storeId(), carrier, now);
            next.estimate(timing.after(order.estimatedDelivery()))
                    .modifiableUntil(timing.modifiableAfter(order.modifiableUntil()));
        }
        Metrics.count("PreordersFilled", 1);
        return new OrderChange(next.build(), reservations(sku, line.productId(), allocations, context.stock),
                List.of(new PreorderChange(sku, line.productId(), 0, -line.quantity(), 0, 0)), null);
    }

    /** The oldest waiting line cannot be served yet: the ones behind it wait too. */
    private static final class QueueBlocked extends RuntimeException {
        QueueBlocked() {
            super(null, null, false, false);
        }
    }

    private static final class NothingToFill extends RuntimeException {
        NothingToFill() {
            super(null, null, false, false);
        }
    }

    // ------------------------------------------------------------------ changes

    private String mutate(String orderId, Optional<IdempotencyKey> key, Function<Order, OrderChange> decide) {
        return mutate(orderId, key, decide, this::answer);
    }

    /** Read, decide, write if unchanged; the reply (stored under the key) is {@code reply} of the result. */
    String mutate(String orderId, Optional<IdempotencyKey> key, Function<Order, OrderChange> decide,
                          Function<Order, Map<String, Object>> reply) {
        if (key.isPresent()) {
            Optional<String> first = store.reply(key.get().key()).map(stored -> key.get().replay(stored));
            if (first.isPresent()) {
                return first.get();
            }
        }
        LogContext.touch("orderId", orderId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Order order = store.find(orderId).orElseThrow(() -> Refusal.notFound("The order"));
            OrderChange change = decide.apply(order);
            Order next = withVersion(change.next(), order.version() + 1);
            String body = Json.write(reply.apply(next));
            try {
                store.write(new OrderStore.Write(next, order.version(), change.stock(), change.preorders(), change.guards(),
                        change.claimSymbol(), deadline(next), change.created(), change.ticket(), key.orElse(null), body));
                return body;
            } catch (WriteRefused e) {
                if (e.reason() == WriteRefused.Reason.KEY_USED) {
                    return store.reply(key.get().key()).map(stored -> key.get().replay(stored)).orElseThrow(OrderService::busy);
                }
                Backoff.pause(attempt);
            }
        }
        throw busy();
    }

    private Instant deadline(Order order) {
        Deadline deadline = OrderRules.nextDeadline(order, settings);
        return deadline == null ? null : deadline.at();
    }

    /** {@code reported}: the amount the provider names, if it names one. */
    private OrderChange paid(Order order, BigDecimal reported, Instant now) {
        if (order.status() == Status.CANCELLED) {
            // Money that arrives for a cancelled order is recorded and goes straight back, whatever the sum.
            Money amount = reported == null ? totalBeforeCancellation(order)
                    : new Money(reported.setScale(2), order.currency());
            Order paid = order.next().payment(paidInFull(order.payment(), amount))
                    .event(now, "PAID", Map.of("amount", amount.toJson())).build();
            return new OrderChange(refund(paid, amount.amount(), now, "PAID_AFTER_CANCEL"), List.of(), null);
        }
        if (reported != null && reported.compareTo(order.total().amount()) != 0) {
            // PAID means paid in full: another sum does not settle the order, and nothing changes.
            String due = order.total().amount().toPlainString();
            throw Refusal.conflict("EVENT_NOT_ALLOWED", "A PAID event is for the whole amount due, " + due + " "
                    + order.currency() + ".", List.of(new Refusal.Problem("amount", "must be " + due)));
        }
        return new OrderChange(order.next().status(Status.CONFIRMED).payment(paidInFull(order.payment(), order.total()))
                .event(now, "PAID", Map.of("amount", order.total().toJson())).build(), List.of(), null);
    }

    /** What a cancelled order would have cost: its lines' cancelled units and the delivery. */
    private static Money totalBeforeCancellation(Order order) {
        BigDecimal amount = order.deliveryPrice().amount();
        for (Line line : order.lines()) {
            amount = amount.add(line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity() + line.cancelledQuantity())));
        }
        return new Money(amount.setScale(2), order.currency());
    }

    private OrderChange shipped(Order order, AdminEventRequest event, Instant now) {
        if (event.trackingNumber() == null) {
            throw Refusal.invalid("trackingNumber", "is required for SHIPPED");
        }
        String carrierId = event.carrier() != null ? event.carrier() : order.delivery().carrierId();
        // A carrier of the shop's is named in the e-mail; any other is shown as the event gave it.
        CarrierTerms carrier = inventory.carriers().stream().filter(c -> c.carrierId().equals(carrierId))
                .findFirst().orElse(null);
        String url = event.trackingUrl();
        if (url == null) {
            url = carrier == null ? null : carrier.trackingUrl().replace("{trackingNumber}",
                    java.net.URLEncoder.encode(event.trackingNumber(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (url == null) {
            throw Refusal.invalid("trackingUrl", "is required: the carrier " + carrierId + " has no tracking URL template");
        }
        Parcel parcel = new Parcel(carrierId, event.trackingNumber(), url);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("carrier", carrierId);
        detail.put("trackingNumber", event.trackingNumber());
        detail.put("url", url);
        if (carrier != null) {
            detail.put("carrierName", carrier.name());
        }
        if (order.status() == Status.SHIPPED) {
            return new OrderChange(order.next().parcel(parcel).event(now, "PARCEL_ADDED", detail).build(), List.of(), null);
        }
        return new OrderChange(order.next().status(Status.SHIPPED).parcel(parcel).lines(fulfilled(order.lines()))
                .event(now, "SHIPPED", detail).build(), shipments(order.lines()), null);
    }

    private OrderChange readyForPickup(Order order, AdminEventRequest event, Instant now) {
        Pickup pickup;
        if (order.delivery().method() == DeliveryMethod.STORE) {
            Location s = inventory.locations().stream().filter(l -> l.locationId().equals(order.delivery().storeId()))
                    .findFirst().orElseThrow(() -> Refusal.conflict("EVENT_NOT_ALLOWED", "The pickup store no longer exists."));
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("locationId", s.locationId());
            location.put("name", s.name());
            location.put("address", s.address().toJson());
            if (s.phone() != null) {
                location.put("phone", s.phone());
            }
            pickup = new Pickup(location, s.openingHours().stream().map(Location.OpeningHours::toJson).toList(),
                    DeliveryEstimates.storageUntil(ZoneId.of(s.timezone()), now, s.storageDays()), s.timezone(), 0);
        } else {
            Map<String, Object> point = event.pickupPoint();
            if (point == null) {
                throw Refusal.invalid("pickupPoint", "is required when a parcel reaches a pickup point");
            }
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("name", point.get("name"));
            location.put("address", point.get("address"));
            String zone = zoneOfFirstLocation(order);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> hours = (List<Map<String, Object>>) point.get("openingHours");
            pickup = new Pickup(location, hours, DeliveryEstimates.storageUntil(ZoneId.of(zone), now,
                    PICKUP_POINT_STORAGE_DAYS), zone, 0);
        }
        return new OrderChange(order.next().status(Status.READY_FOR_PICKUP).pickup(pickup)
                .event(now, "READY_FOR_PICKUP", Map.of("storageUntil", pickup.storageUntil().toString())).build(),
                List.of(), null);
    }

    private OrderChange handedOver(Order order, Status status, Instant now) {
        ZoneId zone = ZoneId.of(order.pickup() != null ? order.pickup().timezone() : zoneOfFirstLocation(order));
        LocalDate today = LocalDate.ofInstant(now, zone);
        Order.Builder next = order.next().status(status)
                .returnWindow(today.plusDays(settings.returnDays()), today.plusDays(settings.damageReportDays()))
                .aftercare(new Order.Aftercare(order.aftercare().returns(), order.aftercare().tickets(),
                        order.aftercare().exchangeFor(), zone.getId()));
        List<StockChange> changes = List.of();
        if (order.delivery().method() == DeliveryMethod.STORE) {
            next.lines(fulfilled(order.lines()));
            changes = shipments(order.lines());
        }
        if (order.payment().status() == PaymentStatus.ON_DELIVERY) {
            next.payment(paidInFull(order.payment(), order.total()));
        }
        next.event(now, status.name(), Map.of("returnUntil", today.plusDays(settings.returnDays()).toString(),
                "damageReportUntil", today.plusDays(settings.damageReportDays()).toString()));
        return new OrderChange(next.build(), changes, null);
    }

    /** The whole order cancelled: every reserved unit back, what was paid refunded. */
    private OrderChange cancelWhole(Order order, String reason) {
        Instant now = clock.instant();
        List<StockChange> changes = new ArrayList<>();
        List<PreorderChange> queue = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (Line line : order.lines()) {
            queue.addAll(preorderCancellation(order, line, line.quantity()));
            for (Allocation allocation : line.allocations()) {
                changes.add(new StockChange(line.sku(), allocation.locationId(), line.productId(), -allocation.quantity(),
                        0, null));
            }
            lines.add(line.quantity() == 0 ? line
                    : line.withQuantity(0, line.cancelledQuantity() + line.quantity(), List.of()));
        }
        Payment payment = order.payment();
        BigDecimal refund = payment.paid().subtract(payment.refunded());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        if (refund.signum() > 0) {
            detail.put("refund", new Money(refund.setScale(2), order.currency()).toJson());
            payment = new Payment(payment.method(), PaymentStatus.REFUNDED, null, payment.instructions(), payment.paid(),
                    payment.paid());
        } else {
            payment = new Payment(payment.method(), payment.status(), null, payment.instructions(), payment.paid(),
                    payment.refunded());
        }
        Metrics.count("OrdersCancelled", "reason", reason, 1);
        return new OrderChange(order.next().status(Status.CANCELLED).lines(lines).payment(payment).modifiableUntil(null)
                .event(now, "CANCELLED", detail).build(), changes, queue, null);
    }

    /** {@code order} with {@code amount} refunded (recorded now; the shop's payment integration pays it out). */
    static Order refund(Order order, BigDecimal amount, Instant now, String cause) {
        return refund(order, amount, now, cause, null);
    }

    /** A refund for a return names it, so its e-mail can say what it was for. */
    static Order refund(Order order, BigDecimal amount, Instant now, String cause, String returnId) {
        Payment p = order.payment();
        BigDecimal refunded = p.refunded().add(amount);
        PaymentStatus status = refunded.compareTo(p.paid()) >= 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("amount", new Money(amount.setScale(2), order.currency()).toJson());
        detail.put("cause", cause);
        if (returnId != null) {
            detail.put("returnId", returnId);
        }
        return order.next().payment(new Payment(p.method(), status, p.dueBy(), p.instructions(), p.paid(), refunded))
                .event(now, "REFUNDED", detail).build();
    }

    /** Builders bump the version at every step; one request's change is one version. */
    private static Order withVersion(Order next, long version) {
        return new Order(next.orderId(), version, next.status(), next.createdAt(), next.customer(),
                next.lines(), next.delivery(), next.deliveryPrice(), next.estimatedDelivery(), next.modifiableUntil(),
                next.payment(), next.parcels(), next.pickup(), next.returnUntil(), next.damageReportUntil(),
                next.timeline(), next.deadlines(), next.aftercare());
    }

    private static List<Line> fulfilled(List<Line> lines) {
        return lines.stream().map(l -> l.quantity() > 0 ? l.withStatus(LineStatus.FULFILLED) : l).toList();
    }

    private static List<StockChange> shipments(List<Line> lines) {
        List<StockChange> changes = new ArrayList<>();
        for (Line line : lines) {
            for (Allocation a : line.allocations()) {
                changes.add(new StockChange(line.sku(), a.locationId(), line.productId(), 0, a.quantity(), null));
            }
        }
        return changes;
    }

    private record Released(List<Allocation> remaining, Map<String, Integer> units) {
    }

    /** Gives {@code units} back, from the last allocation first (the furthest source goes first). */
    private static Released release(List<Allocation> allocations, int units) {
        List<Allocation> remaining = new ArrayList<>(allocations);
        Map<String, Integer> released = new LinkedHashMap<>();
        int left = units;
        for (int i = remaining.size() - 1; i >= 0 && left > 0; i--) {
            Allocation a = remaining.get(i);
            int take = Math.min(left, a.quantity());
            released.merge(a.locationId(), take, Integer::sum);
            left -= take;
            if (take == a.quantity()) {
                remaining.remove(i);
            } else {
                remaining.set(i, new Allocation(a.locationId(), a.quantity() - take));
            }
        }
        return new Released(List.copyOf(remaining), released);
    }

    private static List<Allocation> merge(List<Allocation> a, List<Allocation> b) {
        Map<String, Integer> units = new LinkedHashMap<>();
        a.forEach(x -> units.merge(x.locationId(), x.quantity(), Integer::sum));
        b.forEach(x -> units.merge(x.locationId(), x.quantity(), Integer::sum));
        return units.entrySet().stream().map(e -> new Allocation(e.getKey(), e.getValue())).toList();
    }

    private static int indexOf(List<LineRequest> lines, String sku) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(sku)) {
                return i;
            }
        }
        throw new IllegalStateException("no line for " + sku);
    }

    private static List<StockChange> reservations(List<Line> lines, Map<String, Map<String, StockCount>> stock) {
        List<StockChange> changes = new ArrayList<>();
        for (Line line : lines) {
            changes.addAll(reservations(line.sku(), line.productId(), line.allocations(), stock));
        }
        return changes;
    }

    private static List<StockChange> reservations(String sku, String productId, List<Allocation> allocations,
                                                  Map<String, Map<String, StockCount>> stock) {
        List<StockChange> changes = new ArrayList<>();
        for (Allocation a : allocations) {
            changes.add(new StockChange(sku, a.locationId(), productId, a.quantity(), 0,
                    stock.get(sku).get(a.locationId()).onHand()));
        }
        return changes;
    }

    // ------------------------------------------------------------------ sourcing, timing, prices

    /** Everything a decision reads, read once per attempt. */
    /** {@code preorders}: the pre-order counts of each SKU that takes pre-orders (read only for those). */
    private record Context(Map<String, SkuInfo> skus, Map<String, Map<String, StockCount>> stock,
                           Map<String, PreorderCount> preorders, Map<String, Location> locations,
                           List<CarrierTerms> carriers, Map<String, Long> backlog, String currency) {

        long waiting(String sku) {
            return preorders.getOrDefault(sku, PreorderCount.NONE).waiting();
        }

        long room(String sku) {
            return preorders.getOrDefault(sku, PreorderCount.NONE).room(preorder(sku).limit());
        }

        Product.Preorder preorder(String sku) {
            SkuInfo info = skus.get(sku);
            return info == null ? null : info.variant().preorder();
        }
    }

    private Context context(List<LineRequest> lines) {
        return context(lines, java.util.stream.IntStream.range(0, lines.size()).boxed().toList(), null);
    }

    /**
     * The catalogue, stock and settings a decision about {@code lines} needs; {@code fields[i]} is
     * the request's index of {@code lines[i]} (for the refusal's paths), {@code currency} the
     * currency when no line names one (a change that adds nothing).
     */
    private Context context(List<LineRequest> lines, List<Integer> fields, String currency) {
        List<String> skus = lines.stream().map(LineRequest::sku).toList();
        OrderInventory.Reading read = inventory.read(skus);
        Map<String, SkuInfo> infos = read.skus();
        List<Refusal.Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!infos.containsKey(lines.get(i).sku())) {
                problems.add(new Refusal.Problem("lines[" + fields.get(i) + "].sku", "is not sold here"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Set<String> currencies = new HashSet<>();
        infos.values().forEach(info -> currencies.add(info.price().currency()));
        if (currencies.size() > 1) {
            throw Refusal.invalid("lines", "all lines of an order share one currency; these are priced in "
                    + String.join(" and ", new java.util.TreeSet<>(currencies)));
        }
        Map<String, Location> locations = new LinkedHashMap<>();
        read.locations().forEach(l -> locations.put(l.locationId(), l));
        Map<String, Map<String, StockCount>> stock = new HashMap<>(read.stock());
        skus.forEach(sku -> stock.putIfAbsent(sku, Map.of()));
        // Only SKUs that take pre-orders have a queue to read: a third round for them alone.
        List<String> queued = skus.stream().filter(sku -> infos.get(sku).variant().preorder() != null).toList();
        Map<String, PreorderCount> preorders = new HashMap<>(queued.isEmpty() ? Map.of() : inventory.preorders(queued));
        queued.forEach(sku -> preorders.putIfAbsent(sku, PreorderCount.NONE));
        return new Context(infos, stock, preorders, locations, read.carriers(), read.backlog(),
                currencies.isEmpty() ? currency : currencies.iterator().next());
    }

    private record Planned(List<List<Allocation>> allocations, List<LineStatus> statuses, Estimate estimate,
                           Instant modifiableUntil) {
    }

    /**
     * Each line reserved from stock, or queued as a pre-order when its SKU has nothing left for new
     * orders and a pre-order is open with room for the whole line (never split). Every line that
     * cannot be served is named, and nothing is planned.
     */
    private Planned plan(Context context, List<LineRequest> lines, DeliveryMethod method, String storeId,
                         CarrierTerms carrier, Instant now) {
        Map<Integer, Refusal.Problem> problems = new TreeMap<>();
        List<LineStatus> statuses = new ArrayList<>();
        List<LineRequest> sourced = new ArrayList<>();
        List<Integer> sourcedIndex = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRequest line = lines.get(i);
            Product.Preorder preorder = context.preorder(line.sku());
            if (preorder != null && buyable(context, line.sku(), method, storeId) <= 0) {
                long room = context.room(line.sku());
                if (line.quantity() > room) {
                    problems.put(i, new Refusal.Problem("lines[" + i + "]", room == 0 ? "sold out, pre-orders are full"
                            : "only " + room + " left to pre-order"));
                }
                statuses.add(LineStatus.PREORDERED);
            } else {
                statuses.add(LineStatus.RESERVED);
                sourced.add(line);
                sourcedIndex.add(i);
            }
        }
        SourcingPlan plan = sourced.isEmpty() ? new SourcingPlan(List.of(), List.of())
                : source(context, sourced, method, storeId, now, true);
        for (Shortage s : plan.shortages()) {
            int index = sourcedIndex.get(s.lineIndex());
            problems.put(index, new Refusal.Problem("lines[" + index + "]", "only " + s.available() + " available"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.conflict("INSUFFICIENT_STOCK", "Not enough stock for some lines; nothing was reserved.",
                    List.copyOf(problems.values()));
        }
        List<List<Allocation>> allocations = new ArrayList<>();
        List<Line> placed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int k = sourcedIndex.indexOf(i);
            List<Allocation> allocation = k < 0 ? List.of() : plan.allocations().get(k);
            allocations.add(allocation);
            placed.add(new Line(lines.get(i).sku(), null, null, null, null, null, lines.get(i).quantity(), 0, 0,
                    statuses.get(i), allocation));
        }
        Timing timing = timing(context, placed, method, storeId, carrier, now);
        return new Planned(allocations, statuses, timing.estimate, timing.modifiableUntil);
    }

    /**
     * Units of the SKU a new order could take now: free units at the shipping locations (and at the
     * pickup store for click and collect) beyond those the pre-order queue waits for.
     */
    private static long buyable(Context context, String sku, DeliveryMethod method, String storeId) {
        long free = 0;
        for (Map.Entry<String, StockCount> level : context.stock.get(sku).entrySet()) {
            Location location = context.locations.get(level.getKey());
            boolean counts = location != null && (location.shipsOnline()
                    || method == DeliveryMethod.STORE && location.locationId().equals(storeId));
            if (counts) {
                free += level.getValue().available();
            }
        }
        return free - context.waiting(sku);
    }

    private static Refusal shortage(List<Shortage> shortages) {
        List<Refusal.Problem> problems = shortages.stream()
                .map(s -> new Refusal.Problem("lines[" + s.lineIndex() + "]", "only " + s.available() + " available"))
                .toList();
        return Refusal.conflict("INSUFFICIENT_STOCK", "Not enough stock for some lines; nothing was reserved.", problems);
    }

    /**
     * {@code holdForQueue}: a new order's sourcing, which may not take the units the SKU's pre-orders
     * wait for (held at warehouses first, where filling them would take them); filling the queue
     * itself passes false.
     */
    private SourcingPlan source(Context context, List<LineRequest> lines, DeliveryMethod method, String storeId,
                                Instant now, boolean holdForQueue) {
        Map<String, Map<String, Long>> available = new HashMap<>();
        context.stock.forEach((sku, levels) -> {
            Map<String, Long> units = new HashMap<>();
            levels.forEach((loc, level) -> units.put(loc, level.available()));
            long held = holdForQueue ? context.waiting(sku) : 0;
            List<String> order = units.keySet().stream().filter(context.locations::containsKey)
                    .sorted(java.util.Comparator.comparing((String loc) -> context.locations.get(loc).isStore())
                            .thenComparing(loc -> loc)).toList();
            for (String loc : order) {
                long take = Math.min(held, units.get(loc));
                units.put(loc, units.get(loc) - take);
                held -= take;
            }
            available.put(sku, units);
        });
        List<SourceLocation> candidates = new ArrayList<>();
        for (Location l : context.locations.values()) {
            if (l.shipsOnline() && !l.openingHours().isEmpty()) {
                candidates.add(new SourceLocation(l.locationId(), !l.isStore(),
                        DeliveryEstimates.dispatchDay(calendar(l), now, context.backlog.getOrDefault(l.locationId(), 0L))));
            }
        }
        return method == DeliveryMethod.STORE ? Sourcing.collect(storeId, lines, available, candidates)
                : Sourcing.ship(lines, available, candidates);
    }

    /**
     * {@code partial}: some allocations sit at a location closed since (no opening hours), which has
     * no dispatch day; {@code estimate} is then null when no other allocation gave one.
     */
    private record Timing(Estimate estimate, Instant modifiableUntil, boolean partial) {

        /** The estimate for an order that had {@code before}: what could not be worked out keeps its old date. */
        Estimate after(Estimate before) {
            return estimate == null ? before : partial ? estimate.later(before) : estimate;
        }

        Instant modifiableAfter(Instant before) {
            return modifiableUntil == null ? before : modifiableUntil;
        }
    }

    /**
     * A store where shoppers can collect: it offers pickup and has opening hours. A store set up
     * before its hours are known is left out, as a shipping location without hours is left out of
     * sourcing: it has no day to hand anything over on.
     */
    private static boolean takesPickups(Location location) {
        return location.isStore() && location.pickup() && !location.openingHours().isEmpty();
    }

    /** The estimate of the order's latest line, and the earliest cutoff among its locations. */
    private Timing timing(Context context, List<Line> lines, DeliveryMethod method, String storeId,
                          CarrierTerms carrier, Instant now) {
        Estimate estimate = null;
        Instant modifiableUntil = null;
        boolean partial = false;
        for (Line line : lines) {
            boolean storeClosed = method == DeliveryMethod.STORE && !hasWorkingDays(context.locations.get(storeId));
            if (line.status() == LineStatus.PREORDERED) {
                if (storeClosed) {
                    partial = true;
                } else {
                    Estimate e = preorderEstimate(context, line.sku(), method, storeId, carrier, now);
                    estimate = estimate == null ? e : estimate.later(e);
                }
            }
            for (Allocation a : line.allocations()) {
                Location location = context.locations.get(a.locationId());
                if (!hasWorkingDays(location) || storeClosed) {
                    // Closed since the units were reserved (the catalogue refuses a location that ships
                    // or hands over without opening hours): they stay reserved; no day can be worked out.
                    partial = true;
                    continue;
                }
                LocationCalendar calendar = calendar(location);
                LocalDate dispatch = DeliveryEstimates.dispatchDay(calendar, now,
                        context.backlog.getOrDefault(a.locationId(), 0L));
                Estimate e;
                if (method == DeliveryMethod.STORE) {
                    e = a.locationId().equals(storeId) ? DeliveryEstimates.pickupInStore(dispatch)
                            : DeliveryEstimates.transferToStore(dispatch, calendar(context.locations.get(storeId)));
                } else {
                    e = DeliveryEstimates.delivery(dispatch, carrier.transitMin(), carrier.transitMax());
                }
                estimate = estimate == null ? e : estimate.later(e);
                Instant cutoff = DeliveryEstimates.cutoffOn(calendar, dispatch);
                modifiableUntil = modifiableUntil == null || cutoff.isBefore(modifiableUntil) ? cutoff : modifiableUntil;
            }
        }
        return new Timing(estimate, modifiableUntil, partial);
    }

    private static boolean hasWorkingDays(Location location) {
        return location != null && !location.openingHours().isEmpty();
    }

    /**
     * A pre-order line: dispatched from the preferred shipping location as soon as both it can and
     * the variant's expected date has come (orders.md: the expected date at the earliest).
     */
    private Estimate preorderEstimate(Context context, String sku, DeliveryMethod method, String storeId,
                                      CarrierTerms carrier, Instant now) {
        Product.Preorder preorder = context.preorder(sku);
        Location from = context.locations.values().stream()
                .filter(l -> l.shipsOnline() && !l.openingHours().isEmpty())
                .min(java.util.Comparator.comparing(Location::isStore).thenComparing(Location::locationId)).orElse(null);
        LocalDate expected = preorder == null ? null : LocalDate.parse(preorder.expectedDate());
        if (from == null) {
            LocalDate day = expected != null ? expected : LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
            return new Estimate(day, day);
        }
        LocationCalendar calendar = calendar(from);
        LocalDate dispatch = DeliveryEstimates.dispatchDay(calendar, now, context.backlog.getOrDefault(from.locationId(), 0L));
        if (expected != null && dispatch.isBefore(expected)) {
            dispatch = DeliveryEstimates.firstWorkingDayOnOrAfter(calendar, expected);
        }
        if (method == DeliveryMethod.STORE) {
            Location store = context.locations.get(storeId);
            return store != null && store.locationId().equals(from.locationId()) ? DeliveryEstimates.pickupInStore(dispatch)
                    : DeliveryEstimates.transferToStore(dispatch, calendar(store));
        }
        return DeliveryEstimates.delivery(dispatch, carrier.transitMin(), carrier.transitMax());
    }

    /** Joins the pre-order queue of each PREORDERED line, within the variant's limit. */
    private static List<PreorderChange> queueJoins(List<Line> lines, Context context) {
        List<PreorderChange> joins = new ArrayList<>();
        for (Line line : lines) {
            if (line.status() == LineStatus.PREORDERED) {
                joins.add(new PreorderChange(line.sku(), line.productId(), line.quantity(), line.quantity(),
                        line.quantity(), context.preorder(line.sku()).limit()));
            }
        }
        return joins;
    }

    /**
     * Units of a line no longer ordered: a waiting line leaves the queue; one that was pre-ordered
     * (waiting or filled) no longer counts against the variant's limit.
     */
    private static List<PreorderChange> preorderCancellation(Order order, Line line, int units) {
        if (units == 0) {
            return List.of();
        }
        if (line.status() == LineStatus.PREORDERED) {
            return List.of(new PreorderChange(line.sku(), line.productId(), -units, -units, line.quantity() - units, 0));
        }
        return order.wasPreordered(line.sku())
                ? List.of(new PreorderChange(line.sku(), line.productId(), -units, 0, null, 0)) : List.of();
    }

    /** The units an exchange sends: sourced and estimated like a new order's, for the original's delivery. */
    record ExchangePlan(SkuInfo info, List<Allocation> allocations, Estimate estimate, List<StockChange> stock,
                        List<PreorderGuard> guards) {
    }

    ExchangePlan planExchange(Order order, String sku, int quantity, Instant now) {
        List<LineRequest> lines = List.of(new LineRequest(sku, quantity));
        if (inventory.skus(List.of(sku)).isEmpty()) {
            throw Refusal.invalid("exchangeSku", "is not sold here");
        }
        Context context = context(lines);
        SourcingPlan plan = source(context, lines, order.delivery().method(), order.delivery().storeId(), now, true);
        if (!plan.complete()) {
            throw Refusal.conflict("INSUFFICIENT_STOCK", "The size to exchange for is not available; nothing was recorded.",
                    List.of(new Refusal.Problem("exchangeSku", "only " + plan.shortages().get(0).available()
                            + " available")));
        }
        List<Allocation> allocations = plan.allocations().get(0);
        SkuInfo info = context.skus.get(sku);
        Line line = new Line(sku, info.product().productId(), null, null, null, null, quantity, 0, 0, LineStatus.RESERVED,
                allocations);
        CarrierTerms carrier = order.delivery().method() == DeliveryMethod.STORE ? null : context.carriers.stream()
                .filter(c -> c.carrierId().equals(order.delivery().carrierId())).findFirst()
                .orElseThrow(() -> Refusal.conflict("EXCHANGE_NOT_POSSIBLE", "The order's carrier no longer delivers."));
        Timing timing = timing(context, List.of(line), order.delivery().method(), order.delivery().storeId(), carrier, now);
        if (timing.estimate == null) {
            throw Refusal.conflict("EXCHANGE_NOT_POSSIBLE", "The store of this order no longer hands orders over.");
        }
        List<StockChange> stock = reservations(sku, info.product().productId(), allocations, context.stock);
        return new ExchangePlan(info, allocations, timing.estimate, stock, guards(stock, context));
    }

    /** Every SKU this write reserves units of and that has a pre-order queue: the queue may not have grown. */
    private static List<PreorderGuard> guards(List<StockChange> changes, Context context) {
        Set<String> skus = new java.util.LinkedHashSet<>();
        changes.stream().filter(c -> c.reserve() > 0 && context.preorders.containsKey(c.sku()))
                .forEach(c -> skus.add(c.sku()));
        return skus.stream().map(sku -> new PreorderGuard(sku, context.waiting(sku))).toList();
    }

    static LocationCalendar calendar(Location location) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        location.openingHours().forEach(h -> days.add(DAYS.get(h.day())));
        return new LocationCalendar(location.locationId(), ZoneId.of(location.timezone()), days,
                LocalTime.parse(String.valueOf(location.dispatchCutoff())), location.processingDays(),
                location.dailyCapacity());
    }

    private Money deliveryPrice(CarrierTerms carrier, Context context, List<LineRequest> lines) {
        BigDecimal goods = BigDecimal.ZERO;
        for (LineRequest line : lines) {
            goods = goods.add(context.skus.get(line.sku()).price().amount().multiply(BigDecimal.valueOf(line.quantity())));
        }
        return priceFor(carrier, goods, context.currency);
    }

    /**
     * A changed order's delivery price, under the terms it was placed with: a carrier's later price,
     * threshold or currency does not reach it. An order stored before its terms were kept is priced
     * by the carrier's current terms when they are in its currency, and otherwise keeps its price.
     */
    private static Money deliveryPriceOf(Order order, CarrierTerms current, List<Line> lines) {
        BigDecimal goods = lines.stream().map(Line::activeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Order.DeliveryTerms terms = order.delivery().terms();
        if (terms != null && terms.price() != null) {
            return priceFor(terms.price(), terms.freeFrom(), goods, order.currency());
        }
        if (current != null && current.price().currency().equals(order.currency())) {
            return priceFor(current, goods, order.currency());
        }
        return order.deliveryPrice();
    }

    private static Money priceFor(CarrierTerms carrier, BigDecimal goods, String currency) {
        return carrier == null ? new Money(zero(), currency) : priceFor(carrier.price(), carrier.freeFrom(), goods, currency);
    }

    private static Money priceFor(Money price, Money freeFrom, BigDecimal goods, String currency) {
        boolean free = freeFrom != null && goods.compareTo(freeFrom.amount()) >= 0;
        return money(free ? new Money(BigDecimal.ZERO, currency) : price);
    }

    private CarrierTerms carrierOf(Order order, Context context) {
        if (order.delivery().method() == DeliveryMethod.STORE) {
            return null;
        }
        return context.carriers.stream().filter(c -> c.carrierId().equals(order.delivery().carrierId())).findFirst()
                .orElseThrow(() -> Refusal.conflict("NOT_MODIFIABLE", "The order's carrier no longer delivers."));
    }

    private void checkSlot(Slot slot, List<String> windows, DeliveryMethod method, LocalDate earliest, String field) {
        if (method != DeliveryMethod.HOME || windows.isEmpty()) {
            throw Refusal.conflict("SLOT_NOT_AVAILABLE", "This delivery has no slots to choose from.");
        }
        if (!windows.contains(slot.from() + "-" + slot.to())) {
            throw Refusal.conflict("SLOT_NOT_AVAILABLE", "The carrier delivers in these slots: " + String.join(", ", windows)
                    + ".", List.of(new Refusal.Problem(field, "must be one of the carrier's slots")));
        }
        if (slot.date().isBefore(earliest)) {
            throw Refusal.conflict("SLOT_NOT_AVAILABLE", "The earliest delivery date is " + earliest + ".",
                    List.of(new Refusal.Problem(field + ".date", "must be on or after " + earliest)));
        }
    }

    private Payment newPayment(PaymentMethod method, String orderId, Money total, Instant now, String symbol) {
        return switch (method) {
            case CARD -> new Payment(method, PaymentStatus.PENDING, now.plus(Duration.ofMinutes(settings.cardPaymentMinutes())),
                    Map.of("paymentUrl", settings.paymentUrl(orderId)), BigDecimal.ZERO, BigDecimal.ZERO);
            case BANK_TRANSFER -> new Payment(method, PaymentStatus.PENDING,
                    now.plus(Duration.ofHours(settings.transferPaymentHours())), transfer(orderId, total, symbol),
                    BigDecimal.ZERO, BigDecimal.ZERO);
            case CASH_ON_DELIVERY -> new Payment(method, PaymentStatus.ON_DELIVERY, null, null, BigDecimal.ZERO,
                    BigDecimal.ZERO);
        };
    }

    private Payment withAmount(Payment payment, String orderId, Money total) {
        String symbol = (String) payment.instructions().get("variableSymbol");
        return new Payment(payment.method(), payment.status(), payment.dueBy(), transfer(orderId, total, symbol),
                payment.paid(), payment.refunded());
    }

    private Map<String, Object> transfer(String orderId, Money total, String symbol) {
        Map<String, Object> instructions = new LinkedHashMap<>();
        String message = "Order " + orderId;
        instructions.put("iban", settings.bankAccountIban());
        instructions.put("amount", money(total).toJson());
        instructions.put("variableSymbol", symbol);
        instructions.put("message", message);
        instructions.put("qrPayment", QrPlatba.spd(settings.bankAccountIban(), total.amount(), total.currency(), symbol,
                message));
        return instructions;
    }

    private static Payment withStatus(Payment p, PaymentStatus status) {
        return new Payment(p.method(), status, p.dueBy(), p.instructions(), p.paid(), p.refunded());
    }

    /** Paid in full now: no deadline any more. */
    private static Payment paidInFull(Payment p, Money total) {
        return new Payment(p.method(), PaymentStatus.PAID, null, p.instructions(), total.amount(), p.refunded());
    }

    String zoneOfFirstLocation(Order order) {
        String locationId = order.lines().stream().flatMap(l -> l.allocations().stream()).map(Allocation::locationId)
                .findFirst().orElse(null);
        return inventory.locations().stream().filter(l -> l.locationId().equals(locationId)).map(Location::timezone)
                .findFirst().orElse("UTC");
    }

    private static void checkLines(List<LineRequest> lines) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!seen.add(lines.get(i).sku())) {
                throw Refusal.invalid("lines[" + i + "].sku", "appears more than once; use one line per SKU");
            }
        }
    }

    /** A readable order id, unique enough by itself (the write refuses a duplicate and a new one is drawn). */
    private String newOrderId(Instant now) {
        StringBuilder id = new StringBuilder(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).format(ID_DATE)).append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }

    private static Money money(Money m) {
        return new Money(m.amount().setScale(2, java.math.RoundingMode.HALF_UP), m.currency());
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    static Refusal busy() {
        return Refusal.conflict("CONFLICT", "The order is being changed concurrently; retry the request.");
    }

}
