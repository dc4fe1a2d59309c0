package io.shopcare.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.Money;
import io.shopcare.catalog.Product;
import io.shopcare.json.Json;
import io.shopcare.orders.AftercareService.ReturnLineRequest;
import io.shopcare.orders.AftercareService.ReturnRequest;
import io.shopcare.orders.AftercareService.TicketRequest;
import io.shopcare.orders.Order.Customer;
import io.shopcare.orders.Order.DeliveryMethod;
import io.shopcare.orders.Order.PaymentMethod;
import io.shopcare.orders.Order.Resolution;
import io.shopcare.orders.Order.ReturnReason;
import io.shopcare.orders.OrderInventory.CarrierTerms;
import io.shopcare.orders.OrderRules.Action;
import io.shopcare.orders.OrderRules.AdminEvent;
import io.shopcare.orders.OrderService.AdminEventRequest;
import io.shopcare.orders.OrderService.DeliveryRequest;
import io.shopcare.orders.OrderService.PlaceRequest;
import io.shopcare.outcome.Refusal;
import io.shopcare.signing.SigningKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Returns, exchanges, refunds and tickets (orders.md, "After delivery") on in-memory fakes. */
class AftercareTest {
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    private static final String API = "https://api.example.com/prod";
    private static final List<Location.OpeningHours> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI").stream()
            .map(d -> new Location.OpeningHours(d, "07:00", "15:30")).toList();
    private static final OrderSettings SETTINGS = new OrderSettings(60, 72, 24, "https://pay.example.com/{orderId}",
            "CZ6508000000192000145399", "https://shop.example.com", 30, 3);

    private final InMemoryOrders data = new InMemoryOrders();
    private final OrderServiceTest.MutableClock clock = new OrderServiceTest.MutableClock(MONDAY_MORNING);
    private final OrderTokens tokens = new OrderTokens(() -> new SigningKeys("k1", Map.of("k1", new byte[32])));
    private final io.shopcare.returns.label.LabelLinks labels = new io.shopcare.returns.label.LabelLinks(
            () -> new SigningKeys("k1", Map.of("k1", new byte[32])));
    private final OrderService orders = new OrderService(data, data, tokens, SETTINGS, clock, new Random(3));
    private final AftercareService aftercare = new AftercareService(orders, data, data, labels, clock, API);

    AftercareTest() {
        data.locations.add(new Location("wh", "WAREHOUSE", "wh", new Location.Address("Main 1", "Praha", "110 00", "CZ"),
                null, "Europe/Prague", WEEKDAYS, true, false, 1, LocalTime.of(14, 0), 200, 7));
        data.product(new Product("tee", "Tee", null, List.of("tops"), null, Map.of(), eur("20.00"), 5, List.of(
                new Product.Variant("TEE-S", "S", "red", null, null),
                new Product.Variant("TEE-M", "M", "red", null, null),
                new Product.Variant("TEE-XL", "XL", "red", eur("25.00"), null))));
        data.product(new Product("cap", "Cap", null, List.of("hats"), null, Map.of(), eur("20.00"), 5, List.of(
                new Product.Variant("CAP-1", "one", "red", null, null))));
        data.carriers.add(new CarrierTerms("courier", "Courier", List.of(DeliveryMethod.HOME), 1, 2, eur("4.90"), null,
                "https://track.example.com/{trackingNumber}", List.of()));
        data.stock("TEE-S", "wh", 10);
        data.stock("TEE-M", "wh", 1);
        data.stock("TEE-XL", "wh", 5);
        data.stock("CAP-1", "wh", 5);
    }

    @Test
    void deliveredUnitsAreReturnedWithALabelAndNeverMoreThanDelivered() {
        OrderService.Placed placed = delivered(3);
        String id = placed.order().orderId();
        assertTrue(orders.answer(data.orders.get(id)).get("allowedActions").toString().contains("RETURN"));
        Map<String, Object> created = returnOf(placed, new ReturnLineRequest("TEE-S", 2, ReturnReason.CHANGED_MIND));
        assertEquals(id + "-R1", created.get("returnId"));
        assertEquals("REQUESTED", created.get("status"));
        Map<?, ?> label = (Map<?, ?>) created.get("label");
        assertEquals("courier", label.get("carrier"));
        assertEquals("R" + id.replace("-", "") + "1", label.get("code"));
        String url = (String) label.get("url");
        assertTrue(url.startsWith(API + "/returns/" + id + "-R1/label?token="), url);
        assertEquals(id, labels.verify(id + "-R1", url.substring(url.indexOf("token=") + 6), clock.instant())
                .orElseThrow().orderId());
        assertTrue(labels.verify(id + "-R1", placed.accessToken(), clock.instant()).isEmpty(),
                "the order's token is no label token");
        assertTrue(aftercare.label(id, id + "-R1").isPresent());
        assertNull(created.get("refund"), "a change of mind is refunded once the parcel is back");

        Refusal tooMany = assertThrows(Refusal.class,
                () -> returnOf(placed, new ReturnLineRequest("TEE-S", 2, ReturnReason.WRONG_SIZE)));
        assertEquals(List.of(new Refusal.Problem("lines[0].quantity", "only 1 can be returned")), tooMany.problems());
    }

    @Test
    void damagedIsRefundedAtOnceAndAChangeOfMindWhenReceivedWithItsUnitsBackOnHand() {
        OrderService.Placed placed = delivered(3);
        String id = placed.order().orderId();
        Map<String, Object> damaged = returnOf(placed, new ReturnLineRequest("TEE-S", 1, ReturnReason.DAMAGED));
        assertEquals(Map.of("amount", "20.00", "currency", "EUR"), damaged.get("refund"));
        assertEquals(Order.PaymentStatus.PARTIALLY_REFUNDED, data.orders.get(id).payment().status());
        Map<String, Object> mind = returnOf(placed, new ReturnLineRequest("TEE-S", 2, ReturnReason.CHANGED_MIND));
        long onHand = data.level("TEE-S", "wh")[0];

        receive(id, (String) mind.get("returnId"));
        Order order = data.orders.get(id);
        assertEquals(Order.ReturnStatus.REFUNDED, order.returnOf((String) mind.get("returnId")).status());
        assertEquals(0, new BigDecimal("40.00").compareTo(order.returnOf((String) mind.get("returnId")).refunded()));
        assertEquals(onHand + 2, data.level("TEE-S", "wh")[0], "sellable units go back on hand");
        receive(id, (String) damaged.get("returnId"));
        order = data.orders.get(id);
        assertEquals(onHand + 2, data.level("TEE-S", "wh")[0], "a damaged unit is not put back for sale");
        assertEquals(0, new BigDecimal("20.00").compareTo(order.returnOf((String) damaged.get("returnId")).refunded()),
                "refunded once, not again on receipt");
        assertEquals(0, new BigDecimal("60.00").compareTo(order.payment().refunded()));
        assertEquals(Order.LineStatus.RETURNED, order.line("TEE-S").status());
        assertEquals(3, order.line("TEE-S").returnedQuantity());
        assertEquals(Refusal.Kind.CONFLICT, assertThrows(Refusal.class,
                () -> receive(id, (String) mind.get("returnId"))).kind(), "a return is received once");
    }

    @Test
    void damageAfterItsDeadlineIsRefusedSayingTheDeadlineAndReturnsEndWithTheirWindow() {
        OrderService.Placed placed = delivered(1);
        Order order = data.orders.get(placed.order().orderId());
        clock.set(MONDAY_MORNING.plus(Duration.ofDays(4)));
        Refusal late = assertThrows(Refusal.class,
                () -> returnOf(placed, new ReturnLineRequest("TEE-S", 1, ReturnReason.DAMAGED)));
        assertEquals("DAMAGE_REPORT_CLOSED", late.code());
        assertTrue(late.getMessage().contains(order.damageReportUntil().toString()), late.getMessage());
        clock.set(MONDAY_MORNING.plus(Duration.ofDays(31)));
        assertEquals("NOT_RETURNABLE", assertThrows(Refusal.class,
                () -> returnOf(placed, new ReturnLineRequest("TEE-S", 1, ReturnReason.WRONG_SIZE))).code());
        assertFalse(OrderRules.allowedActions(data.orders.get(order.orderId()), clock.instant()).contains(Action.RETURN));
    }

    @Test
    void anExchangeReservesTheOtherSizeInTheSameWriteAndShipsAsAnOrderOfItsOwn() {
        OrderService.Placed placed = delivered(2);
        String id = placed.order().orderId();
        Map<String, Object> exchange = exchange(placed, "TEE-M", 1);
        assertEquals(id + "-X1", exchange.get("exchangeOrderId"));
        assertEquals(1, data.level("TEE-M", "wh")[1]);
        Order shipped = orders.read(id + "-X1", placed.accessToken());
        assertEquals(Order.Status.CONFIRMED, shipped.status());
        assertEquals(0, shipped.total().amount().signum());
        assertEquals(Order.PaymentStatus.PAID, shipped.payment().status());
        assertEquals("TEE-M", shipped.lines().get(0).sku());

        // Sold out now: 409, and nothing is recorded.
        Refusal refused = assertThrows(Refusal.class, () -> exchange(placed, "TEE-M", 1));
        assertEquals("INSUFFICIENT_STOCK", refused.code());
        assertEquals(1, data.orders.get(id).aftercare().returns().size());
        // Another product, or another price: 400.
        assertEquals(Refusal.Kind.INVALID, assertThrows(Refusal.class, () -> exchange(placed, "CAP-1", 1)).kind());
        assertEquals(Refusal.Kind.INVALID, assertThrows(Refusal.class, () -> exchange(placed, "TEE-XL", 1)).kind());

        receive(id, (String) exchange.get("returnId"));
        assertEquals(Order.ReturnStatus.EXCHANGED, data.orders.get(id).returnOf((String) exchange.get("returnId")).status());
        assertEquals(0, data.orders.get(id).payment().refunded().signum(), "an exchange refunds nothing");
    }

    @Test
    void twoConcurrentExchangesForTheLastUnitOneWins() throws Exception {
        OrderService.Placed first = delivered(1);
        OrderService.Placed second = delivered(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (OrderService.Placed placed : List.of(first, second)) {
            Callable<Boolean> attempt = () -> {
                try {
                    exchange(placed, "TEE-M", 1);
                    return true;
                } catch (Refusal e) {
                    assertEquals("INSUFFICIENT_STOCK", e.code());
                    return false;
                }
            };
            outcomes.add(pool.submit(attempt));
        }
        int won = 0;
        for (Future<Boolean> outcome : outcomes) {
            won += outcome.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won);
        assertEquals(1, data.level("TEE-M", "wh")[1]);
    }

    @Test
    void ticketsAreQueuedMissingPaidItemsFirstThenByAgeAndResolvedOnce() {
        OrderService.Placed paid = delivered(1);
        OrderService.Placed other = delivered(1);
        Map<String, Object> question = ticket(paid, Ticket.Type.OTHER);
        assertEquals(3, ((Number) question.get("priority")).intValue());
        clock.set(MONDAY_MORNING.plusSeconds(60));
        Map<String, Object> damaged = ticket(other, Ticket.Type.DAMAGED);
        assertEquals(2, ((Number) damaged.get("priority")).intValue());
        clock.set(MONDAY_MORNING.plusSeconds(120));
        Map<String, Object> missing = ticket(other, Ticket.Type.MISSING_ITEM);
        assertEquals(1, ((Number) missing.get("priority")).intValue());
        assertEquals(List.of(missing.get("ticketId"), damaged.get("ticketId"), question.get("ticketId")),
                aftercare.tickets(Ticket.Status.OPEN, 10, null).tickets().stream().map(Ticket::ticketId).toList());

        Map<String, Object> resolved = Json.parseObject(aftercare.resolveTicket((String) missing.get("ticketId"),
                "We sent the missing cap today.", Optional.empty()));
        assertEquals("RESOLVED", resolved.get("status"));
        assertEquals("TICKET_RESOLVED", last(data.orders.get(other.order().orderId())).type());
        assertEquals("TICKET_RESOLVED", assertThrows(Refusal.class, () -> aftercare.resolveTicket(
                (String) missing.get("ticketId"), "again", Optional.empty())).code());
        assertEquals(2, aftercare.tickets(Ticket.Status.OPEN, 10, null).tickets().size());
    }

    @Test
    void lateIsReportedOnlyOnceTheLatestEstimateHasPassed() {
        OrderService.Placed placed = orders.place(new PlaceRequest(customer(), List.of(new LineRequest("TEE-S", 1)),
                home(), PaymentMethod.CASH_ON_DELIVERY), Optional.empty());
        Refusal early = assertThrows(Refusal.class, () -> ticket(placed, Ticket.Type.LATE));
        assertEquals("TICKET_NOT_ALLOWED", early.code());
        assertTrue(early.getMessage().contains(placed.order().estimatedDelivery().latest().toString()), early.getMessage());
        clock.set(MONDAY_MORNING.plus(Duration.ofDays(5)));
        assertEquals(2, ((Number) ticket(placed, Ticket.Type.LATE).get("priority")).intValue());
    }

    // ------------------------------------------------------------------ helpers

    private OrderService.Placed delivered(int units) {
        OrderService.Placed placed = orders.place(new PlaceRequest(customer(), List.of(new LineRequest("TEE-S", units)),
                home(), PaymentMethod.CASH_ON_DELIVERY), Optional.empty());
        String id = placed.order().orderId();
        admin(id, new AdminEventRequest(AdminEvent.PACKED, null, null, null, null, null, null));
        admin(id, new AdminEventRequest(AdminEvent.SHIPPED, null, "T-1", null, null, null, null));
        admin(id, new AdminEventRequest(AdminEvent.DELIVERED, null, null, null, null, null, null));
        return placed;
    }

    private void admin(String orderId, AdminEventRequest event) {
        orders.adminEvent(orderId, event, Optional.empty());
    }

    private void receive(String orderId, String returnId) {
        admin(orderId, new AdminEventRequest(AdminEvent.RETURN_RECEIVED, null, null, null, null, null, null, returnId));
    }

    private Map<String, Object> returnOf(OrderService.Placed placed, ReturnLineRequest line) {
        return Json.parseObject(aftercare.createReturn(placed.order().orderId(), placed.accessToken(),
                new ReturnRequest(List.of(line), Resolution.REFUND, null), Optional.empty()));
    }

    private Map<String, Object> exchange(OrderService.Placed placed, String sku, int units) {
        return Json.parseObject(aftercare.createReturn(placed.order().orderId(), placed.accessToken(),
                new ReturnRequest(List.of(new ReturnLineRequest("TEE-S", units, ReturnReason.WRONG_SIZE)),
                        Resolution.EXCHANGE, sku), Optional.empty()));
    }

    private Map<String, Object> ticket(OrderService.Placed placed, Ticket.Type type) {
        return Json.parseObject(aftercare.openTicket(placed.order().orderId(), placed.accessToken(),
                new TicketRequest(type, "Something is wrong", null), Optional.empty()));
    }

    private static Order.TimelineEvent last(Order order) {
        return order.timeline().get(order.timeline().size() - 1);
    }

    private static DeliveryRequest home() {
        return new DeliveryRequest(DeliveryMethod.HOME, "courier", Map.of("street", "Main 1", "city", "Praha",
                "postcode", "110 00", "country", "CZ"), null, null, null);
    }

    private static Customer customer() {
        return new Customer("vera@example.com", "Věra", "cs", null);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
