package io.shopcare.orders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.Money;
import io.shopcare.catalog.Product;
import io.shopcare.orders.Order.Customer;
import io.shopcare.orders.Order.DeliveryMethod;
import io.shopcare.orders.Order.LineStatus;
import io.shopcare.orders.Order.PaymentMethod;
import io.shopcare.orders.OrderInventory.CarrierTerms;
import io.shopcare.orders.OrderRules.Action;
import io.shopcare.orders.OrderRules.AdminEvent;
import io.shopcare.orders.OrderService.AdminEventRequest;
import io.shopcare.orders.OrderService.DeliveryRequest;
import io.shopcare.orders.OrderService.PlaceRequest;
import io.shopcare.outcome.Refusal;
import io.shopcare.signing.SigningKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pre-orders (orders.md, "Pre-orders") on in-memory fakes. */
class PreorderTest {
    /** Monday 23 November 2026, 10:00 in Prague. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    private static final String EXPECTED = "2026-12-10";
    private static final List<Location.OpeningHours> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI").stream()
            .map(d -> new Location.OpeningHours(d, "07:00", "15:30")).toList();
    private static final OrderSettings SETTINGS = new OrderSettings(60, 72, 24, "https://pay.example.com/{orderId}",
            "CZ6508000000192000145399", "https://shop.example.com", 30, 3);

    private final InMemoryOrders data = new InMemoryOrders();
    private final OrderServiceTest.MutableClock clock = new OrderServiceTest.MutableClock(MONDAY_MORNING);
    private final OrderService service = new OrderService(data, data,
            new OrderTokens(() -> new SigningKeys("k1", Map.of("k1", new byte[32]))), SETTINGS, clock, new Random(11));

    PreorderTest() {
        data.locations.add(new Location("wh", "WAREHOUSE", "wh", new Location.Address("Main 1", "Praha", "110 00", "CZ"),
                null, "Europe/Prague", WEEKDAYS, true, false, 1, LocalTime.of(14, 0), 200, 7));
        data.product(new Product("coat", "Coat", null, List.of("coats"), null, Map.of(), eur("80.00"), 5, List.of(
                new Product.Variant("COAT-M", "M", "navy", null, new Product.Preorder(EXPECTED, 5)),
                new Product.Variant("COAT-L", "L", "navy", null, null))));
        data.carriers.add(new CarrierTerms("courier", "Courier", List.of(DeliveryMethod.HOME), 1, 2, eur("4.90"), null,
                "https://track.example.com/{trackingNumber}", List.of()));
        data.stock("COAT-M", "wh", 0);
        data.stock("COAT-L", "wh", 4);
    }

    @Test
    void aSoldOutVariantWithAPreorderQueuesTheLineWithAnEstimateFromItsExpectedDate() {
        Order order = place("COAT-M", 2).order();
        assertEquals(LineStatus.PREORDERED, order.line("COAT-M").status());
        assertEquals(List.of(), order.line("COAT-M").allocations());
        // Expected Thursday 10 December: dispatched that day, transit 1-2 days.
        assertEquals(LocalDate.parse("2026-12-11"), order.estimatedDelivery().earliest());
        assertEquals(LocalDate.parse("2026-12-12"), order.estimatedDelivery().latest());
        assertArrayEquals(new long[] {2, 2}, data.preorders.get("COAT-M"));
        assertEquals(List.of(new OrderInventory.QueuedPreorder(order.orderId(), 2)), data.preorderQueue("COAT-M", 10));
        assertEquals(0, data.level("COAT-M", "wh")[1]);
        // A waiting line is not packed, and the order changes by cancelling only.
        List<Action> actions = OrderRules.allowedActions(order, clock.instant());
        assertFalse(actions.contains(Action.MODIFY));
        assertTrue(actions.contains(Action.CANCEL));
    }

    @Test
    void theLimitCapsUnitsPreorderedAndALineThatDoesNotFitIsRefusedWhole() {
        place("COAT-M", 3);
        Refusal refusal = assertThrows(Refusal.class, () -> place("COAT-M", 3));
        assertEquals("INSUFFICIENT_STOCK", refusal.code());
        assertEquals(List.of(new Refusal.Problem("lines[0]", "only 2 left to pre-order")), refusal.problems());
        place("COAT-M", 2);
        Refusal full = assertThrows(Refusal.class, () -> place("COAT-M", 1));
        assertEquals(List.of(new Refusal.Problem("lines[0]", "sold out, pre-orders are full")), full.problems());
        assertArrayEquals(new long[] {5, 5}, data.preorders.get("COAT-M"));
    }

    @Test
    void concurrentPreordersNeverExceedTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger placed = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            futures.add(pool.submit(() -> {
                try {
                    place("COAT-M", 1);
                    placed.incrementAndGet();
                } catch (Refusal e) {
                    assertEquals("INSUFFICIENT_STOCK", e.code());
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertEquals(5, placed.get());
        assertArrayEquals(new long[] {5, 5}, data.preorders.get("COAT-M"));
        assertEquals(5, data.preorderQueue("COAT-M", 100).size());
    }

    @Test
    void arrivingUnitsFillTheOldestWholeLinesFirstAndNobodyElseCanTakeThem() {
        String a = place("COAT-M", 2).order().orderId();
        clock.set(MONDAY_MORNING.plusSeconds(60));
        String b = place("COAT-M", 2).order().orderId();
        clock.set(MONDAY_MORNING.plusSeconds(120));
        String c = place("COAT-M", 1).order().orderId();

        data.onHand("COAT-M", "wh", 3);
        assertEquals(1, service.fillPreorders("COAT-M"));
        Order filled = data.orders.get(a);
        assertEquals(LineStatus.RESERVED, filled.line("COAT-M").status());
        assertEquals(List.of(new Allocation("wh", 2)), filled.line("COAT-M").allocations());
        assertEquals("PREORDER_FILLED", filled.timeline().get(filled.timeline().size() - 1).type());
        // Recomputed from today: dispatch Tuesday (processing day), transit 1-2 days.
        assertEquals(LocalDate.parse("2026-11-25"), filled.estimatedDelivery().earliest());
        assertTrue(filled.modifiableUntil() != null);
        // B needs 2 and 1 is free: it waits, and C, behind it, is not served first.
        assertEquals(LineStatus.PREORDERED, data.orders.get(b).line("COAT-M").status());
        assertEquals(LineStatus.PREORDERED, data.orders.get(c).line("COAT-M").status());
        assertEquals(2, data.level("COAT-M", "wh")[1]);
        // The one free unit is held for the queue, and the pre-order is full: a new order is refused.
        Refusal refusal = assertThrows(Refusal.class, () -> place("COAT-M", 1));
        assertEquals("INSUFFICIENT_STOCK", refusal.code());
        assertEquals(2, data.level("COAT-M", "wh")[1]);

        data.onHand("COAT-M", "wh", 6);
        assertEquals(2, service.fillPreorders("COAT-M"));
        assertEquals(LineStatus.RESERVED, data.orders.get(b).line("COAT-M").status());
        assertEquals(LineStatus.RESERVED, data.orders.get(c).line("COAT-M").status());
        assertArrayEquals(new long[] {5, 0}, data.preorders.get("COAT-M"));
        assertEquals(List.of(), data.preorderQueue("COAT-M", 10));
        // Filling again changes nothing; the unit left over is for sale.
        assertEquals(0, service.fillPreorders("COAT-M"));
        Order bought = place("COAT-M", 1).order();
        assertEquals(LineStatus.RESERVED, bought.line("COAT-M").status());
        assertEquals(6, data.level("COAT-M", "wh")[1]);
    }

    @Test
    void unitsBelowWhatTheQueueWaitsForAreHeldAndANewOrderJoinsTheQueueBehind() {
        String first = place("COAT-M", 3).order().orderId();
        data.onHand("COAT-M", "wh", 2);
        assertEquals(0, service.fillPreorders("COAT-M"));
        Order later = place("COAT-M", 1).order();
        assertEquals(LineStatus.PREORDERED, later.line("COAT-M").status());
        assertEquals(0, data.level("COAT-M", "wh")[1]);
        assertEquals(List.of(first, later.orderId()),
                data.preorderQueue("COAT-M", 10).stream().map(OrderInventory.QueuedPreorder::orderId).toList());
    }

    @Test
    void cancellingWaitingUnitsLeavesTheQueueAndFreesRoom() {
        OrderService.Placed placed = place("COAT-M", 3);
        String id = placed.order().orderId();
        service.cancel(id, placed.accessToken(), List.of(line("COAT-M", 1)), Optional.empty());
        assertArrayEquals(new long[] {2, 2}, data.preorders.get("COAT-M"));
        assertEquals(List.of(new OrderInventory.QueuedPreorder(id, 2)), data.preorderQueue("COAT-M", 10));
        service.cancel(id, placed.accessToken(), null, Optional.empty());
        assertArrayEquals(new long[] {0, 0}, data.preorders.get("COAT-M"));
        assertEquals(List.of(), data.preorderQueue("COAT-M", 10));
        assertEquals(Order.Status.CANCELLED, data.orders.get(id).status());
    }

    @Test
    void aFilledLineCancelledGivesItsUnitsBackAndItsPlaceUnderTheLimit() {
        OrderService.Placed placed = place("COAT-M", 2);
        data.onHand("COAT-M", "wh", 2);
        service.fillPreorders("COAT-M");
        service.cancel(placed.order().orderId(), placed.accessToken(), null, Optional.empty());
        assertArrayEquals(new long[] {0, 0}, data.preorders.get("COAT-M"));
        assertEquals(0, data.level("COAT-M", "wh")[1]);
    }

    @Test
    void aMixedOrderReservesWhatIsInStockAndIsNotPackedUntilThePreorderIsFilled() {
        Order order = service.place(new PlaceRequest(customer(), List.of(line("COAT-L", 1), line("COAT-M", 1)),
                home(), PaymentMethod.CASH_ON_DELIVERY), Optional.empty()).order();
        assertEquals(LineStatus.RESERVED, order.line("COAT-L").status());
        assertEquals(LineStatus.PREORDERED, order.line("COAT-M").status());
        assertEquals(1, data.level("COAT-L", "wh")[1]);
        Refusal refusal = assertThrows(Refusal.class, () -> service.adminEvent(order.orderId(),
                new AdminEventRequest(AdminEvent.PACKED, null, null, null, null, null, null), Optional.empty()));
        assertEquals("EVENT_NOT_ALLOWED", refusal.code());
        data.onHand("COAT-M", "wh", 1);
        service.fillPreorders("COAT-M");
        service.adminEvent(order.orderId(), new AdminEventRequest(AdminEvent.PACKED, null, null, null, null, null, null),
                Optional.empty());
        assertEquals(Order.Status.PACKED, data.orders.get(order.orderId()).status());
    }

    @Test
    void anUnpaidPreorderExpiresAndLeavesTheQueue() {
        place("COAT-M", 2);
        clock.set(MONDAY_MORNING.plusSeconds(61 * 60));
        assertEquals(1, service.runDeadlines(10));
        assertArrayEquals(new long[] {0, 0}, data.preorders.get("COAT-M"));
        assertEquals(List.of(), data.preorderQueue("COAT-M", 10));
    }

    private OrderService.Placed place(String sku, int quantity) {
        return service.place(new PlaceRequest(customer(), List.of(line(sku, quantity)), home(), PaymentMethod.CARD),
                Optional.empty());
    }

    private static DeliveryRequest home() {
        return new DeliveryRequest(DeliveryMethod.HOME, "courier", Map.of("street", "Main 1", "city", "Praha",
                "postcode", "110 00", "country", "CZ"), null, null, null);
    }

    private static Customer customer() {
        return new Customer("petr@example.com", "Petr", "cs", null);
    }

    private static LineRequest line(String sku, int quantity) {
        return new LineRequest(sku, quantity);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
