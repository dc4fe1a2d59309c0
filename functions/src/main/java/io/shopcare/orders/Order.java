package io.shopcare.orders;

import io.shopcare.catalog.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One order as it is stored and answered (orders.md, "The order object"). Immutable: every change
 * makes a new order with a new {@code version}, which is what the store compares on write.
 * {@code allowedActions} is not a field: it depends on the clock, so {@link OrderRules} computes it
 * when the order is answered.
 */
public record Order(String orderId, long version, Status status, Instant createdAt, Customer customer,
                    List<Line> lines, Delivery delivery, Money deliveryPrice, Estimate estimatedDelivery,
                    Instant modifiableUntil, Payment payment, List<Parcel> parcels, Pickup pickup,
                    LocalDate returnUntil, LocalDate damageReportUntil, List<TimelineEvent> timeline,
                    Deadlines deadlines, Aftercare aftercare) {

    public static final int MAX_LINES = 30;
    public static final int MAX_QUANTITY = 99;

    public enum Status {
        PENDING_PAYMENT, PAYMENT_FAILED, CONFIRMED, PACKED, SHIPPED, READY_FOR_PICKUP, DELIVERED, PICKED_UP, CANCELLED;

        /** Still waiting for the warehouse: counted in its backlog. */
        public boolean awaitingDispatch() {
            return this == PENDING_PAYMENT || this == PAYMENT_FAILED || this == CONFIRMED || this == PACKED;
        }
    }

    public enum DeliveryMethod { HOME, PICKUP_POINT, STORE }

    public enum PaymentMethod { CARD, BANK_TRANSFER, CASH_ON_DELIVERY }

    public enum PaymentStatus { PENDING, FAILED, PAID, ON_DELIVERY, REFUNDED, PARTIALLY_REFUNDED }

    public record Customer(String email, String name, String locale, String phone) {
    }

    public enum LineStatus { RESERVED, PREORDERED, CANCELLED, FULFILLED, RETURNED }

    /** {@code quantity} is what is still active; cancelled units moved to {@code cancelledQuantity}. */
    public record Line(String sku, String productId, String name, String size, String colour, Money unitPrice,
                       int quantity, int cancelledQuantity, int returnedQuantity, LineStatus status,
                       List<Allocation> allocations) {

        public BigDecimal activeAmount() {
            return unitPrice.amount().multiply(BigDecimal.valueOf(quantity));
        }

        public Line withQuantity(int newQuantity, int newCancelled, List<Allocation> newAllocations) {
            LineStatus newStatus = newQuantity == 0 ? LineStatus.CANCELLED
                    : status == LineStatus.CANCELLED ? LineStatus.RESERVED : status;
            return new Line(sku, productId, name, size, colour, unitPrice, newQuantity, newCancelled, returnedQuantity,
                    newStatus, List.copyOf(newAllocations));
        }

        public Line withStatus(LineStatus newStatus) {
            return new Line(sku, productId, name, size, colour, unitPrice, quantity, cancelledQuantity,
                    returnedQuantity, newStatus, allocations);
        }
    }

    public record Slot(LocalDate date, String from, String to) {
    }

    /**
     * {@code slotWindows} and {@code terms}: the carrier's delivery slots ("08:00-12:00") and its
     * terms when the order was placed (null for STORE pickups and for orders placed before they
     * were kept). A carrier's later changes do not reach an order placed under its earlier terms.
     */
    public record Delivery(DeliveryMethod method, String carrierId, Map<String, Object> address, String pickupPointId,
                           String storeId, Slot slot, List<String> slotWindows, DeliveryTerms terms) {

        public Delivery withSlot(Slot newSlot) {
            return new Delivery(method, carrierId, address, pickupPointId, storeId, newSlot, slotWindows, terms);
        }

        /** How to name {@code carrier} (an id or a name, as an event gave it) to the shopper: this carrier's name for its id. */
        public String carrierShown(String carrier) {
            return carrier != null && carrier.equals(carrierId) && terms != null && terms.carrierName() != null
                    ? terms.carrierName() : carrier;
        }
    }

    /**
     * What the order's carrier charged when it was placed ({@code freeFrom} may be null), and its
     * name, which e-mails show. {@code price} is null only for orders stored when only the name was kept.
     */
    public record DeliveryTerms(String carrierName, Money price, Money freeFrom) {
    }

    /** Payment; {@code instructions} as answered (paymentUrl, or the bank transfer's details). */
    /** {@code paid}: what the shopper paid in all; {@code refunded}: what went back to them of it. */
    public record Payment(PaymentMethod method, PaymentStatus status, Instant dueBy, Map<String, Object> instructions,
                          BigDecimal paid, BigDecimal refunded) {
    }

    public record Parcel(String carrier, String trackingNumber, String url) {
    }

    public record Pickup(Map<String, Object> location, List<Map<String, Object>> openingHours, LocalDate storageUntil,
                         String timezone, int extendedDays) {
    }

    /** One entry of the timeline; {@code seq} numbers them so stream consumers act on each exactly once. */
    public record TimelineEvent(int seq, Instant at, String type, Map<String, Object> detail) {
    }

    /** What the clock still has to do for this order, and which reminders went out. */
    public record Deadlines(boolean paymentReminderSent, boolean pickupReminderSent) {
        public static final Deadlines NONE = new Deadlines(false, false);
    }

    /**
     * What happened after delivery: returns, the shopper's tickets, for an exchange order the order
     * whose units it replaces (its token reads both), and the zone of the return window's dates
     * (where the order was handed over).
     */
    public record Aftercare(List<Return> returns, List<TicketRef> tickets, String exchangeFor, String zone) {
        public static final Aftercare NONE = new Aftercare(List.of(), List.of(), null, null);

        public Aftercare withReturns(List<Return> value) {
            return new Aftercare(value, tickets, exchangeFor, zone);
        }

        public Aftercare withTickets(List<TicketRef> value) {
            return new Aftercare(returns, value, exchangeFor, zone);
        }

        public Aftercare {
            returns = List.copyOf(returns);
            tickets = List.copyOf(tickets);
        }
    }

    public enum ReturnStatus { REQUESTED, RECEIVED, REFUNDED, EXCHANGED }

    public enum ReturnReason {
        DAMAGED, WRONG_SIZE, NOT_AS_DESCRIBED, CHANGED_MIND, OTHER;

        /** The shop's fault: refunded at once, without waiting for the parcel. */
        public boolean shopsFault() {
            return this == DAMAGED || this == NOT_AS_DESCRIBED;
        }
    }

    public enum Resolution { REFUND, EXCHANGE }

    public record ReturnLine(String sku, int quantity, ReturnReason reason) {
    }

    /**
     * One return: its label ({@code carrier}, {@code code}, {@code labelUrl}), what was refunded for
     * it so far, and for an exchange the SKU sent instead and the exchange order that sends it.
     */
    public record Return(String returnId, ReturnStatus status, List<ReturnLine> lines, Resolution resolution,
                         String exchangeSku, String exchangeOrderId, String carrier, String code, String labelUrl,
                         BigDecimal refunded, Instant createdAt) {

        public Return withStatus(ReturnStatus newStatus, BigDecimal newRefunded) {
            return new Return(returnId, newStatus, lines, resolution, exchangeSku, exchangeOrderId, carrier, code,
                    labelUrl, newRefunded, createdAt);
        }
    }

    /** A ticket as the order lists it; the ticket itself is its own item. */
    public record TicketRef(String ticketId, String type, int priority, String status) {
    }

    public Return returnOf(String returnId) {
        return aftercare.returns().stream().filter(r -> r.returnId().equals(returnId)).findFirst().orElse(null);
    }

    /** Units of the SKU in returns so far (whatever their status). */
    public int unitsInReturns(String sku) {
        return aftercare.returns().stream().flatMap(r -> r.lines().stream()).filter(l -> l.sku().equals(sku))
                .mapToInt(ReturnLine::quantity).sum();
    }

    public String currency() {
        return lines.get(0).unitPrice().currency();
    }

    public BigDecimal goodsTotal() {
        return lines.stream().map(Line::activeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Money total() {
        return new Money(goodsTotal().add(deliveryPrice.amount()).setScale(2), currency());
    }

    public boolean hasPreorders() {
        return lines.stream().anyMatch(l -> l.status() == LineStatus.PREORDERED);
    }

    /** The SKU's line was a pre-order, filled since (it still counts against the variant's limit). */
    public boolean wasPreordered(String sku) {
        return timeline.stream().anyMatch(e -> "PREORDER_FILLED".equals(e.type()) && sku.equals(e.detail().get("sku")));
    }

    public Line line(String sku) {
        return lines.stream().filter(l -> l.sku().equals(sku)).findFirst().orElse(null);
    }

    /** Builds the next version of this order; {@link Builder#event} appends to its timeline. */
    public Builder next() {
        return new Builder(this);
    }

    /** Builds the next version of an order. */
    public static final class Builder {
        private final Order from;
        private Status status;
        private List<Line> lines;
        private Delivery delivery;
        private Money deliveryPrice;
        private Estimate estimate;
        private Instant modifiableUntil;
        private Payment payment;
        private final List<Parcel> parcels;
        private Pickup pickup;
        private LocalDate returnUntil;
        private LocalDate damageReportUntil;
        private final List<TimelineEvent> timeline;
        private Deadlines deadlines;
        private Aftercare aftercare;

        private Builder(Order from) {
            this.from = from;
            this.status = from.status;
            this.lines = from.lines;
            this.delivery = from.delivery;
            this.deliveryPrice = from.deliveryPrice;
            this.estimate = from.estimatedDelivery;
            this.modifiableUntil = from.modifiableUntil;
            this.payment = from.payment;
            this.parcels = new ArrayList<>(from.parcels);
            this.pickup = from.pickup;
            this.returnUntil = from.returnUntil;
            this.damageReportUntil = from.damageReportUntil;
            this.timeline = new ArrayList<>(from.timeline);
            this.deadlines = from.deadlines;
            this.aftercare = from.aftercare;
        }

        public Builder status(Status value) {
            status = value;
            return this;
        }

        public Builder lines(List<Line> value) {
            lines = List.copyOf(value);
            return this;
        }

        public Builder delivery(Delivery value) {
            delivery = value;
            return this;
        }

        public Builder deliveryPrice(Money value) {
            deliveryPrice = value;
            return this;
        }

        public Builder estimate(Estimate value) {
            estimate = value;
            return this;
        }

        public Builder modifiableUntil(Instant value) {
            modifiableUntil = value;
            return this;
        }

        public Builder payment(Payment value) {
            payment = value;
            return this;
        }

        public Builder parcel(Parcel value) {
            parcels.add(value);
            return this;
        }

        public Builder pickup(Pickup value) {
            pickup = value;
            return this;
        }

        public Builder returnWindow(LocalDate returns, LocalDate damage) {
            returnUntil = returns;
            damageReportUntil = damage;
            return this;
        }

        public Builder aftercare(Aftercare value) {
            aftercare = value;
            return this;
        }

        public Builder deadlines(Deadlines value) {
            deadlines = value;
            return this;
        }

        public Builder event(Instant at, String type, Map<String, Object> detail) {
            timeline.add(new TimelineEvent(timeline.size() + 1, at, type, detail == null ? Map.of() : Map.copyOf(detail)));
            return this;
        }

        public Order build() {
            return new Order(from.orderId, from.version + 1, status, from.createdAt, from.customer, lines, delivery,
                    deliveryPrice, estimate, modifiableUntil, payment, List.copyOf(parcels), pickup, returnUntil,
                    damageReportUntil, List.copyOf(timeline), deadlines, aftercare);
        }
    }
}
