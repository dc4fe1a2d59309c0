package io.shopcare.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Location;
import io.shopcare.catalog.Money;
import io.shopcare.catalog.Product;
import io.shopcare.idempotency.IdempotencyKey;
import io.shopcare.json.Json;
import io.shopcare.orders.Order.Customer;
import io.shopcare.orders.Order.DeliveryMethod;
import io.shopcare.orders.Order.PaymentMethod;
import io.shopcare.orders.Order.Status;
import io.shopcare.orders.OrderInventory.CarrierTerms;
import io.shopcare.orders.OrderRules.Action;
import io.shopcare.orders.OrderRules.AdminEvent;
import io.shopcare.orders.OrderService.AdminEventRequest;
import io.shopcare.orders.OrderService.DeliveryRequest;
import io.shopcare.orders.OrderService.PlaceRequest;
import io.shopcare.outcome.Refusal;
import io.shopcare.signing.SigningKeys;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

/** The order rules on in-memory fakes: no emulator, milliseconds. */
class OrderServiceTest {
    /** Monday 23 November 2026, 10:00 in Prague: before the warehouse's 14:00 cutoff. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    private static final List<Location.OpeningHours> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI").stream()
            .map(d -> new Location.OpeningHours(d, "07:00", "15:30")).toList();
    private static final OrderSettings SETTINGS = new OrderSettings(60, 72, 24, "https://pay.example.com/{orderId}",
            "CZ6508000000192000145399", "https://shop.example.com", 30, 3);

    private final InMemoryOrders data = new InMemoryOrders();
    private final MutableClock clock = new MutableClock(MONDAY_MORNING);
    private final OrderTokens tokens = new OrderTokens(() -> new SigningKeys("k1", Map.of("k1", new byte[32])));
    private final OrderService service = new OrderService(data, data, tokens, SETTINGS, clock, new Random(7));

    OrderServiceTest() {
        data.locations.add(location("wh", "WAREHOUSE", true, false));
        data.locations.add(location("store", "STORE", false, true));
        data.product(new Product("tee", "Tee", null, List.of("tops"), null, Map.of(), eur("20.00"), 5, List.of(
                new Product.Variant("TEE-S", "S", "red", null, null),
                new Product.Variant("TEE-M", "M", "red", null, null))));
        data.carriers.add(new CarrierTerms("courier", "Courier", List.of(DeliveryMethod.HOME), 1, 2, eur("4.90"),
                eur("100.00"), "https://track.example.com/{trackingNumber}", List.of("08:00-12:00")));
        data.stock("TEE-S", "wh", 10);
        data.stock("TEE-M", "wh", 2);
        data.stock("TEE-S", "store", 3);
        data.stock("TEE-M", "store", 0);
    }

    @Test
    void placingReservesEveryLineAndAnswersTheEstimateFromTheCalendar() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 3), line("TEE-M", 1));
        Order order = placed.order();
        assertEquals(Status.PENDING_PAYMENT, order.status());
        assertEquals(3, data.level("TEE-S", "wh")[1]);
        assertEquals(1, data.level("TEE-M", "wh")[1]);
        // Dispatch: today is before the cutoff, plus one processing day = Tuesday; transit 1-2 days.
        assertEquals(LocalDate.parse("2026-11-25"), order.estimatedDelivery().earliest());
        assertEquals(LocalDate.parse("2026-11-26"), order.estimatedDelivery().latest());
        assertEquals(Instant.parse("2026-11-24T13:00:00Z"), order.modifiableUntil());
        assertEquals(new BigDecimal("84.90"), order.total().amount());
        assertEquals("https://pay.example.com/" + order.orderId(), order.payment().instructions().get("paymentUrl"));
        assertEquals(MONDAY_MORNING.plus(Duration.ofMinutes(60)), order.payment().dueBy());
        assertTrue(tokens.verify(order.orderId(), placed.accessToken()));
    }

    @Test
    void anOrderAnswersWholeSecondsAndStoresMillisecondsThatReadBackUnchanged() {
        clock.set(Instant.parse("2026-11-23T09:00:00.347622950Z"));
        Order order = place(PaymentMethod.CARD, line("TEE-S", 1)).order();

        Map<String, Object> answer = OrderJson.answer(order, OrderRules.allowedActions(order, clock.instant()));
        assertEquals("2026-11-23T09:00:00Z", answer.get("createdAt"));
        assertEquals("2026-11-23T10:00:00Z", ((Map<?, ?>) answer.get("payment")).get("dueBy"));
        assertEquals("2026-11-23T09:00:00Z", ((Map<?, ?>) ((List<?>) answer.get("timeline")).get(0)).get("at"));
        assertEquals("2026-11-24T13:00:00Z", answer.get("modifiableUntil"));

        Map<String, Object> stored = OrderJson.stored(order);
        assertEquals("2026-11-23T09:00:00.347Z", stored.get("createdAt"));
        assertEquals("2026-11-23T10:00:00.347Z", ((Map<?, ?>) stored.get("payment")).get("dueBy"));
        assertEquals("2026-11-23T09:00:00.347Z", ((Map<?, ?>) ((List<?>) stored.get("timeline")).get(0)).get("at"));
        assertEquals("2026-11-24T13:00:00.000Z", stored.get("modifiableUntil"));
        // The item written again after a read is the same item, byte for byte (same size, same keys).
        String item = Json.write(stored);
        assertEquals(item, Json.write(OrderJson.stored(OrderJson.fromStored(Json.parseObject(item)))));
    }

    @Test
    void theStoredOrderLeavesOutZeroCountsAndKeepsTheCarriersTermsTheAnswerShowsNeither() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 3), line("TEE-M", 1));
        service.cancel(placed.order().orderId(), placed.accessToken(), List.of(line("TEE-S", 1)), Optional.empty());
        Order order = data.find(placed.order().orderId()).orElseThrow();

        Map<String, Object> stored = OrderJson.stored(order);
        Map<?, ?> cancelledFrom = (Map<?, ?>) ((List<?>) stored.get("lines")).get(0);
        Map<?, ?> untouched = (Map<?, ?>) ((List<?>) stored.get("lines")).get(1);
        assertEquals(1, cancelledFrom.get("cancelledQuantity"));
        assertFalse(cancelledFrom.containsKey("returnedQuantity"));
        assertFalse(untouched.containsKey("cancelledQuantity") || untouched.containsKey("returnedQuantity"));
        assertEquals(Map.of("carrierName", "Courier", "price", Map.of("amount", "4.90", "currency", "EUR"),
                "freeFrom", Map.of("amount", "100.00", "currency", "EUR")), ((Map<?, ?>) stored.get("delivery")).get("terms"));
        Order read = OrderJson.fromStored(Json.parseObject(Json.write(stored)));
        assertEquals(order.lines(), read.lines());
        assertEquals(order.delivery(), read.delivery());

        Map<String, Object> answer = OrderJson.answer(read, OrderRules.allowedActions(read, clock.instant()));
        Map<?, ?> answered = (Map<?, ?>) ((List<?>) answer.get("lines")).get(1);
        assertEquals(0, answered.get("cancelledQuantity"), "the contract's order object has every count");
        assertEquals(0, answered.get("returnedQuantity"));
        assertFalse(((Map<?, ?>) answer.get("delivery")).containsKey("terms"));
    }

    @Test
    void aShortLineIsNamedAndNothingIsReserved() {
        Refusal refusal = assertThrows(Refusal.class, () -> place(PaymentMethod.CARD, line("TEE-S", 1), line("TEE-M", 5)));
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals("INSUFFICIENT_STOCK", refusal.code());
        assertEquals(List.of(new Refusal.Problem("lines[1]", "only 2 available")), refusal.problems());
        assertEquals(0, data.level("TEE-S", "wh")[1]);
        assertTrue(data.orders.isEmpty());
    }

    @Test
    void theQuotesEstimateIsThePlacedOrdersEstimate() {
        List<OrderService.QuoteOption> options = service.quote(List.of(line("TEE-S", 1)), DeliveryMethod.HOME, null);
        assertEquals(1, options.size());
        assertEquals(eur("4.90"), options.get(0).price());
        Order order = place(PaymentMethod.CARD, line("TEE-S", 1)).order();
        assertEquals(options.get(0).estimate(), order.estimatedDelivery());
    }

    @Test
    void freeDeliveryFromTheCarriersThreshold() {
        Order order = place(PaymentMethod.CARD, line("TEE-S", 5)).order();
        assertEquals(0, order.deliveryPrice().amount().signum());
        assertEquals(new BigDecimal("100.00"), order.total().amount());
    }

    @Test
    void clickAndCollectTakesTheStoresOwnStockFirst() {
        Order order = service.place(new PlaceRequest(customer(), List.of(line("TEE-S", 4)),
                new DeliveryRequest(DeliveryMethod.STORE, null, null, null, "store", null), PaymentMethod.CARD),
                Optional.empty()).order();
        assertEquals(List.of(new Allocation("store", 3), new Allocation("wh", 1)), order.lines().get(0).allocations());
        assertEquals(0, order.deliveryPrice().amount().signum());
    }

    @Test
    void aPickupStoreWithoutOpeningHoursIsNotOfferedAndCannotBeChosen() {
        // Stored before the catalogue refused it (PUT /admin/locations now answers 400): a store
        // with pickup on and no hours has no day to hand anything over on.
        data.locations.add(new Location("closed", "STORE", "Closed", new Location.Address("Main 2", "Praha", "110 00", "CZ"),
                "+420 222 000 112", "Europe/Prague", List.of(), false, true, 0, LocalTime.of(14, 0), 200, 7));
        data.stock("TEE-S", "closed", 5);

        List<OrderService.QuoteOption> options = service.quote(List.of(line("TEE-S", 1)), DeliveryMethod.STORE, null);
        assertEquals(List.of("store"), options.stream().map(OrderService.QuoteOption::storeId).toList());
        Refusal quoted = assertThrows(Refusal.class,
                () -> service.quote(List.of(line("TEE-S", 1)), DeliveryMethod.STORE, "closed"));
        assertEquals("delivery.storeId", quoted.problems().get(0).field());
        Refusal placed = assertThrows(Refusal.class, () -> service.place(new PlaceRequest(customer(),
                List.of(line("TEE-S", 1)), new DeliveryRequest(DeliveryMethod.STORE, null, null, null, "closed", null),
                PaymentMethod.CARD), Optional.empty()));
        assertEquals("delivery.storeId", placed.problems().get(0).field());
        assertEquals(0, data.level("TEE-S", "closed")[1], "nothing reserved");
    }

    @Test
    void anOrderAtAStoreClosedSinceCanStillBeChangedAndKeepsItsEstimate() {
        OrderService.Placed placed = service.place(new PlaceRequest(customer(), List.of(line("TEE-S", 2)),
                new DeliveryRequest(DeliveryMethod.STORE, null, null, null, "store", null), PaymentMethod.CARD),
                Optional.empty());
        String id = placed.order().orderId();
        assertEquals(List.of(new Allocation("store", 2)), placed.order().lines().get(0).allocations());
        // The merchant closes the store: no opening hours, neither ships nor hands over.
        data.locations.removeIf(l -> l.locationId().equals("store"));
        data.locations.add(new Location("store", "STORE", "store", new Location.Address("Main 1", "Praha", "110 00", "CZ"),
                "+420 222 000 111", "Europe/Prague", List.of(), false, false, 1, LocalTime.of(14, 0), 200, 7));

        service.modify(id, placed.accessToken(), List.of(line("TEE-S", 1)), Optional.empty());

        Order after = data.find(id).orElseThrow();
        assertEquals(1, after.lines().get(0).quantity());
        assertEquals(placed.order().estimatedDelivery(), after.estimatedDelivery(), "no day can be worked out: kept");
        assertEquals(placed.order().modifiableUntil(), after.modifiableUntil());
        assertEquals(1, data.level("TEE-S", "store")[1], "the unit taken off is given back");
    }

    @Test
    void aChangedOrderIsPricedUnderTheCarriersTermsItWasPlacedWith() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 5));
        assertEquals(0, placed.order().deliveryPrice().amount().signum(), "100.00 reaches the free threshold");
        // Then the carrier changes its terms: another currency, no free threshold.
        data.carriers.set(0, new CarrierTerms("courier", "Courier", List.of(DeliveryMethod.HOME), 1, 2,
                new Money(new BigDecimal("250.00"), "CZK"), null, "https://track.example.com/{trackingNumber}",
                List.of("08:00-12:00")));

        service.modify(placed.order().orderId(), placed.accessToken(), List.of(line("TEE-S", 4)), Optional.empty());

        Order after = data.find(placed.order().orderId()).orElseThrow();
        assertEquals(eur("4.90"), after.deliveryPrice(), "below the threshold it was placed under, at its price then");
        assertEquals(new Money(new BigDecimal("84.90"), "EUR"), after.total());
    }

    @Test
    void aLineWhoseProductWasWithdrawnCanBeKeptOrLoweredButNotRaised() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 2), line("TEE-M", 2));
        String id = placed.order().orderId();
        // The merchant withdraws size M (the product no longer lists it).
        data.product(new Product("tee", "Tee", null, List.of("tops"), null, Map.of(), eur("20.00"), 5, List.of(
                new Product.Variant("TEE-S", "S", "red", null, null))));
        data.skus.remove("TEE-M");

        service.modify(id, placed.accessToken(), List.of(line("TEE-S", 1), line("TEE-M", 2)), Optional.empty());
        Order kept = data.find(id).orElseThrow();
        assertEquals(List.of(1, 2), kept.lines().stream().map(Order.Line::quantity).toList());
        assertEquals(eur("20.00"), kept.lines().get(1).unitPrice(), "the kept line keeps its price");

        Refusal raised = assertThrows(Refusal.class, () -> service.modify(id, placed.accessToken(),
                List.of(line("TEE-S", 1), line("TEE-M", 3)), Optional.empty()));
        assertEquals(List.of(new Refusal.Problem("lines[1].sku", "is not sold here")), raised.problems());

        service.modify(id, placed.accessToken(), List.of(line("TEE-S", 1), line("TEE-M", 1)), Optional.empty());
        assertEquals(1, data.find(id).orElseThrow().lines().get(1).quantity());
        assertEquals(1, data.level("TEE-M", "wh")[1], "the lowered unit is given back");
    }

    @Test
    void twoHundredConcurrentOrdersForFiftyUnitsSellExactlyFifty() throws Exception {
        data.stock("TEE-S", "wh", 50);
        data.stock("TEE-S", "store", 0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(pool.submit(() -> {
                try {
                    place(PaymentMethod.CARD, line("TEE-S", 1));
                    sold.incrementAndGet();
                } catch (Refusal e) {
                    assertEquals("INSUFFICIENT_STOCK", e.code());
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertEquals(50, sold.get());
        assertEquals(150, refused.get());
        assertEquals(50, data.level("TEE-S", "wh")[1]);
    }

    @Test
    void aSweepThatComesAfterTheDueDateCancelsWithoutALateReminder() {
        OrderService.Placed placed = place(PaymentMethod.BANK_TRANSFER, line("TEE-S", 1));
        clock.set(MONDAY_MORNING.plus(Duration.ofHours(73)));
        assertEquals(1, service.runDeadlines(10));
        Order order = data.orders.get(placed.order().orderId());
        assertEquals(Status.CANCELLED, order.status());
        assertTrue(order.timeline().stream().noneMatch(e -> e.type().equals("PAYMENT_REMINDER")), order.timeline().toString());
        assertEquals(0, data.level("TEE-S", "wh")[1]);
    }

    @Test
    void aWrongOrMissingTokenReadsNothing() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 1));
        String id = placed.order().orderId();
        assertEquals(Refusal.Kind.NOT_FOUND, assertThrows(Refusal.class, () -> service.read(id, null)).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, assertThrows(Refusal.class, () -> service.read(id, "k1.x.y")).kind());
        String other = place(PaymentMethod.CARD, line("TEE-S", 1)).accessToken();
        assertEquals(Refusal.Kind.NOT_FOUND, assertThrows(Refusal.class, () -> service.read(id, other)).kind());
        assertEquals(id, service.read(id, placed.accessToken()).orderId());
    }

    @Test
    void aPartialCancellationGivesItsUnitsBackAndAWholeOneEverything() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 3), line("TEE-M", 2));
        String id = placed.order().orderId();
        service.cancel(id, placed.accessToken(), List.of(line("TEE-S", 2)), Optional.empty());
        Order order = data.orders.get(id);
        assertEquals(1, order.line("TEE-S").quantity());
        assertEquals(2, order.line("TEE-S").cancelledQuantity());
        assertEquals(1, data.level("TEE-S", "wh")[1]);
        assertEquals(Status.PENDING_PAYMENT, order.status());
        service.cancel(id, placed.accessToken(), null, Optional.empty());
        order = data.orders.get(id);
        assertEquals(Status.CANCELLED, order.status());
        assertEquals(0, data.level("TEE-S", "wh")[1]);
        assertEquals(0, data.level("TEE-M", "wh")[1]);
        assertEquals("CANCELLED", order.timeline().get(order.timeline().size() - 1).type());
    }

    @Test
    void cancellingAPaidOrderRefundsWhatWasPaid() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 1));
        String id = placed.order().orderId();
        admin(id, AdminEvent.PAID);
        service.cancel(id, placed.accessToken(), null, Optional.empty());
        Order order = data.orders.get(id);
        assertEquals(Order.PaymentStatus.REFUNDED, order.payment().status());
        assertEquals(0, new BigDecimal("24.90").compareTo(order.payment().refunded()));
    }

    @Test
    void shippingTakesTheUnitsOutOfOnHandAndReservedAndEndsCancelling() {
        OrderService.Placed placed = place(PaymentMethod.CASH_ON_DELIVERY, line("TEE-S", 2));
        String id = placed.order().orderId();
        assertEquals(Status.CONFIRMED, placed.order().status());
        admin(id, AdminEvent.PACKED);
        service.adminEvent(id, new AdminEventRequest(AdminEvent.SHIPPED, null, "ZX-1", null, null, null, null),
                Optional.empty());
        Order order = data.orders.get(id);
        assertEquals("https://track.example.com/ZX-1", order.parcels().get(0).url());
        assertEquals(8, data.level("TEE-S", "wh")[0]);
        assertEquals(0, data.level("TEE-S", "wh")[1]);
        Refusal refusal = assertThrows(Refusal.class, () -> service.cancel(id, placed.accessToken(), null, Optional.empty()));
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        admin(id, AdminEvent.DELIVERED);
        order = data.orders.get(id);
        assertEquals(Order.PaymentStatus.PAID, order.payment().status());
        assertEquals(LocalDate.parse("2026-12-23"), order.returnUntil());
        assertEquals(LocalDate.parse("2026-11-26"), order.damageReportUntil());
    }

    @Test
    void modifyingWorksUntilTheCutoffAndNeverAfterPacking() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 1));
        String id = placed.order().orderId();
        service.modify(id, placed.accessToken(), List.of(line("TEE-S", 2), line("TEE-M", 1)), Optional.empty());
        Order order = data.orders.get(id);
        assertEquals(2, order.line("TEE-S").quantity());
        assertEquals(2, data.level("TEE-S", "wh")[1]);
        assertEquals(1, data.level("TEE-M", "wh")[1]);
        service.modify(id, placed.accessToken(), List.of(line("TEE-S", 1)), Optional.empty());
        assertEquals(1, data.level("TEE-S", "wh")[1]);
        assertEquals(0, data.level("TEE-M", "wh")[1]);
        assertEquals(Order.LineStatus.CANCELLED, data.orders.get(id).line("TEE-M").status());
        clock.set(Instant.parse("2026-11-24T13:01:00Z"));
        Refusal late = assertThrows(Refusal.class,
                () -> service.modify(id, placed.accessToken(), List.of(line("TEE-S", 2)), Optional.empty()));
        assertEquals("NOT_MODIFIABLE", late.code());
        assertEquals(1, data.level("TEE-S", "wh")[1]);
    }

    @Test
    void aPatchThatRaisesAPaidOrdersTotalIsRefusedAndOneThatLowersItRefunds() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 2));
        String id = placed.order().orderId();
        admin(id, AdminEvent.PAID);
        Refusal refusal = assertThrows(Refusal.class,
                () -> service.modify(id, placed.accessToken(), List.of(line("TEE-S", 3)), Optional.empty()));
        assertEquals("ALREADY_PAID", refusal.code());
        service.modify(id, placed.accessToken(), List.of(line("TEE-S", 1)), Optional.empty());
        Order order = data.orders.get(id);
        assertEquals(Order.PaymentStatus.PARTIALLY_REFUNDED, order.payment().status());
        assertEquals(0, new BigDecimal("20.00").compareTo(order.payment().refunded()));
    }

    @Test
    void switchingToBankTransferGivesAVariableSymbolAndAQrPayment() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 1));
        String id = placed.order().orderId();
        admin(id, AdminEvent.PAYMENT_FAILED);
        Map<String, Object> answer = Json.parseObject(service.changePayment(id, placed.accessToken(),
                PaymentMethod.BANK_TRANSFER, Optional.empty()));
        Map<?, ?> instructions = (Map<?, ?>) answer.get("instructions");
        String symbol = (String) instructions.get("variableSymbol");
        assertTrue(symbol.matches("[1-9][0-9]{9}"), symbol);
        assertTrue(((String) instructions.get("qrPayment")).startsWith("SPD*1.0*ACC:CZ6508000000192000145399*AM:24.90*CC:EUR"));
        assertTrue(((String) instructions.get("qrPayment")).contains("X-VS:" + symbol));
        assertEquals(Status.PENDING_PAYMENT, data.orders.get(id).status());
        assertEquals(MONDAY_MORNING.plus(Duration.ofHours(72)), data.orders.get(id).payment().dueBy());
        assertTrue(data.symbols.contains(symbol));
    }

    @Test
    void anUnpaidTransferIsRemindedOnceAndCancelledAtItsDueTimeGivingItsStockBack() {
        OrderService.Placed placed = place(PaymentMethod.BANK_TRANSFER, line("TEE-S", 2));
        String id = placed.order().orderId();
        Instant dueBy = MONDAY_MORNING.plus(Duration.ofHours(72));
        clock.set(dueBy.minus(Duration.ofHours(24)).minusSeconds(1));
        assertEquals(0, service.runDeadlines(10));
        clock.set(dueBy.minus(Duration.ofHours(24)));
        assertEquals(1, service.runDeadlines(10));
        assertEquals(0, service.runDeadlines(10));
        assertTrue(data.orders.get(id).deadlines().paymentReminderSent());
        assertEquals(2, data.level("TEE-S", "wh")[1]);
        clock.set(dueBy);
        assertEquals(1, service.runDeadlines(10));
        Order order = data.orders.get(id);
        assertEquals(Status.CANCELLED, order.status());
        assertEquals("PAYMENT_EXPIRED", order.timeline().get(order.timeline().size() - 1).detail().get("reason"));
        assertEquals(0, data.level("TEE-S", "wh")[1]);
        assertNull(data.deadlines.get(id));
    }

    @Test
    void aStorePickupIsExtendedAtMostSevenDaysRemindedAndCancelledWhenNotCollected() {
        Order placed = service.place(new PlaceRequest(customer(), List.of(line("TEE-S", 1)),
                new DeliveryRequest(DeliveryMethod.STORE, null, null, null, "store", null), PaymentMethod.CARD),
                Optional.empty()).order();
        String id = placed.orderId();
        String token = tokens.issue(id);
        admin(id, AdminEvent.PAID);
        admin(id, AdminEvent.PACKED);
        admin(id, AdminEvent.READY_FOR_PICKUP);
        Order ready = data.orders.get(id);
        assertEquals(LocalDate.parse("2026-11-30"), ready.pickup().storageUntil());
        service.changeDelivery(id, token, 5, null, Optional.empty());
        Refusal tooMuch = assertThrows(Refusal.class, () -> service.changeDelivery(id, token, 3, null, Optional.empty()));
        assertEquals("NOT_EXTENDABLE", tooMuch.code());
        service.changeDelivery(id, token, 2, null, Optional.empty());
        Order extended = data.orders.get(id);
        assertEquals(LocalDate.parse("2026-12-07"), extended.pickup().storageUntil());
        assertFalse(OrderRules.allowedActions(extended, clock.instant()).contains(Action.EXTEND_PICKUP));
        clock.set(LocalDate.parse("2026-12-06").atTime(LocalTime.of(9, 0)).atZone(ZoneId.of("Europe/Prague")).toInstant());
        assertEquals(1, service.runDeadlines(10));
        assertEquals("PICKUP_REMINDER", last(data.orders.get(id)).type());
        clock.set(Instant.parse("2026-12-07T22:59:00Z"));
        assertEquals(0, service.runDeadlines(10));
        clock.set(Instant.parse("2026-12-07T23:00:00Z"));
        assertEquals(1, service.runDeadlines(10));
        Order cancelled = data.orders.get(id);
        assertEquals(Status.CANCELLED, cancelled.status());
        assertEquals(Order.PaymentStatus.REFUNDED, cancelled.payment().status());
        assertEquals(0, data.level("TEE-S", "store")[1]);
    }

    @Test
    void aDeliverySlotMustBeTheCarriersAndNotBeforeTheEstimate() {
        OrderService.Placed placed = place(PaymentMethod.CASH_ON_DELIVERY, line("TEE-S", 1));
        String id = placed.order().orderId();
        String token = placed.accessToken();
        Refusal early = assertThrows(Refusal.class, () -> service.changeDelivery(id, token, null,
                new Order.Slot(LocalDate.parse("2026-11-24"), "08:00", "12:00"), Optional.empty()));
        assertEquals(Refusal.Kind.CONFLICT, early.kind());
        Refusal unknown = assertThrows(Refusal.class, () -> service.changeDelivery(id, token, null,
                new Order.Slot(LocalDate.parse("2026-11-26"), "12:00", "16:00"), Optional.empty()));
        assertEquals("SLOT_NOT_AVAILABLE", unknown.code());
        service.changeDelivery(id, token, null, new Order.Slot(LocalDate.parse("2026-11-26"), "08:00", "12:00"),
                Optional.empty());
        assertEquals("08:00", data.orders.get(id).delivery().slot().from());
    }

    @Test
    void aPaidEventNamingAnotherSumThanTheTotalIsRefusedAndChangesNothing() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 1)); // 20.00 + 4.90
        String id = placed.order().orderId();
        Refusal partial = assertThrows(Refusal.class, () -> service.adminEvent(id,
                new AdminEventRequest(AdminEvent.PAID, null, null, null, null, new BigDecimal("1.00"), null), Optional.empty()));
        assertEquals("EVENT_NOT_ALLOWED", partial.code());
        assertEquals(List.of(new Refusal.Problem("amount", "must be 24.90")), partial.problems());
        assertEquals(Status.PENDING_PAYMENT, data.orders.get(id).status());
        assertEquals(Order.PaymentStatus.PENDING, data.orders.get(id).payment().status());

        service.adminEvent(id, new AdminEventRequest(AdminEvent.PAID, null, null, null, null, new BigDecimal("24.9"), null),
                Optional.empty());
        assertEquals(Status.CONFIRMED, data.orders.get(id).status());
        assertEquals(new BigDecimal("24.90"), data.orders.get(id).payment().paid());
    }

    @Test
    void moneyThatArrivesForACancelledOrderIsRecordedAndRefundedWhateverTheSum() {
        OrderService.Placed placed = place(PaymentMethod.CARD, line("TEE-S", 1));
        String id = placed.order().orderId();
        service.cancel(id, placed.accessToken(), null, Optional.empty());
        service.adminEvent(id, new AdminEventRequest(AdminEvent.PAID, null, null, null, null, new BigDecimal("30.00"), null),
                Optional.empty());
        Order order = data.orders.get(id);
        assertEquals(Status.CANCELLED, order.status());
        assertEquals(new BigDecimal("30.00"), order.payment().paid());
        assertEquals(new BigDecimal("30.00"), order.payment().refunded());
        assertEquals(Order.PaymentStatus.REFUNDED, order.payment().status());
    }

    @Test
    void aSlotChosenWithTheOrderFollowsTheSameRuleAndARefusalReservesNothing() {
        Refusal early = assertThrows(Refusal.class, () -> placeWithSlot(new Order.Slot(LocalDate.parse("2026-11-24"),
                "08:00", "12:00")));
        assertEquals(Refusal.Kind.CONFLICT, early.kind());
        assertEquals("SLOT_NOT_AVAILABLE", early.code());
        assertEquals(List.of(new Refusal.Problem("delivery.slot.date", "must be on or after 2026-11-25")), early.problems());
        assertEquals("SLOT_NOT_AVAILABLE", assertThrows(Refusal.class, () -> placeWithSlot(
                new Order.Slot(LocalDate.parse("2026-11-25"), "12:00", "16:00"))).code());
        assertEquals(0, data.level("TEE-S", "wh")[1]);
        assertTrue(data.orders.isEmpty());

        Order order = placeWithSlot(new Order.Slot(LocalDate.parse("2026-11-25"), "08:00", "12:00")).order();
        assertEquals(LocalDate.parse("2026-11-25"), order.delivery().slot().date());
    }

    private OrderService.Placed placeWithSlot(Order.Slot slot) {
        return service.place(new PlaceRequest(customer(), List.of(line("TEE-S", 1)),
                new DeliveryRequest(DeliveryMethod.HOME, "courier", Map.of("street", "Main 1", "city", "Praha",
                        "postcode", "110 00", "country", "CZ"), null, null, slot), PaymentMethod.CARD), Optional.empty());
    }

    @Test
    void everyAdminEventInEveryStateEitherFitsOrChangesNothing() {
        for (Status status : Status.values()) {
            for (DeliveryMethod method : DeliveryMethod.values()) {
                for (AdminEvent event : AdminEvent.values()) {
                    Order order = orderIn(status, method);
                    boolean fits = OrderRules.fits(event, order);
                    assertEquals(expectedToFit(event, status, method), fits, event + " on " + status + " " + method);
                    data.orders.put(order.orderId(), order);
                    long version = order.version();
                    try {
                        service.adminEvent(order.orderId(), new AdminEventRequest(event, "courier", "T-1", null,
                                Map.of("name", "Point", "address", "Main 1", "openingHours", List.of()),
                                // A PAID names no sum here (one that is not the total is refused on its own).
                                event == AdminEvent.PAID ? null : new BigDecimal("1.00"), null), Optional.empty());
                        assertTrue(fits, event + " succeeded on " + status + " " + method);
                        assertEquals(version + 1, data.orders.get(order.orderId()).version());
                    } catch (Refusal e) {
                        assertFalse(fits, event + " refused on " + status + " " + method + ": " + e.getMessage());
                        assertEquals(Refusal.Kind.CONFLICT, e.kind());
                        assertEquals(version, data.orders.get(order.orderId()).version());
                    }
                }
            }
        }
    }

    @Test
    void theAllowedActionsAreExactlyTheOnesThatSucceed() {
        for (Status status : Status.values()) {
            for (DeliveryMethod method : DeliveryMethod.values()) {
                Order order = orderIn(status, method);
                List<Action> allowed = OrderRules.allowedActions(order, clock.instant());
                String token = tokens.issue(order.orderId());
                Map<Action, Runnable> attempts = Map.of(
                        Action.MODIFY, () -> service.modify(order.orderId(), token, List.of(line("TEE-S", 1)), Optional.empty()),
                        Action.CANCEL, () -> service.cancel(order.orderId(), token, null, Optional.empty()),
                        Action.CHANGE_PAYMENT, () -> service.changePayment(order.orderId(), token, PaymentMethod.CARD, Optional.empty()),
                        Action.EXTEND_PICKUP, () -> service.changeDelivery(order.orderId(), token, 1, null, Optional.empty()),
                        Action.CHANGE_DELIVERY, () -> service.changeDelivery(order.orderId(), token, null,
                                new Order.Slot(LocalDate.parse("2026-12-01"), "08:00", "12:00"), Optional.empty()));
                attempts.forEach((action, attempt) -> {
                    data.orders.put(order.orderId(), order);
                    boolean succeeded;
                    try {
                        attempt.run();
                        succeeded = true;
                    } catch (Refusal e) {
                        succeeded = false;
                    }
                    assertEquals(allowed.contains(action), succeeded, action + " on " + status + " " + method);
                });
            }
        }
    }

    @Test
    void anIdempotentPlacementIsAnsweredAgainWithItsTokenAndReservesOnce() {
        IdempotencyKey key = IdempotencyKey.of("k-1", "POST", "/orders", "{}");
        PlaceRequest request = twoTeesByCourier();
        OrderService.Placed first = service.place(request, Optional.of(key));
        OrderService.Placed again = service.place(request, Optional.of(key));
        assertEquals(first.reply(), again.reply());
        assertEquals(first.accessToken(), again.accessToken());
        assertEquals(2, data.level("TEE-S", "wh")[1]);
        assertEquals(1, data.orders.size());
    }

    @Test
    void aFreshPlacementLooksUpNoKeyAndARetryIsAnsweredAsTheFirstEvenWhenTheStockIsGoneSince() {
        IdempotencyKey key = IdempotencyKey.of("k-2", "POST", "/orders", "{\"lines\": 1}");
        PlaceRequest request = twoTeesByCourier();
        OrderService.Placed first = service.place(request, Optional.of(key));
        assertEquals(0, data.replyLookups, "the write claims the key; nothing is read for it first");

        data.onHand("TEE-S", "wh", 2); // everything left is now this order's reservation
        data.onHand("TEE-S", "store", 0);
        Refusal shortNow = assertThrows(Refusal.class, () -> service.place(request, Optional.empty()));
        assertEquals(Refusal.Kind.CONFLICT, shortNow.kind(), "without its key the same request is short now");
        assertEquals(first.reply(), service.place(request, Optional.of(key)).reply(), "with it, the first answer");

        IdempotencyKey reused = IdempotencyKey.of("k-2", "POST", "/orders", "{\"lines\": 2}");
        Refusal refused = assertThrows(Refusal.class, () -> service.place(request, Optional.of(reused)));
        assertEquals(Refusal.Kind.KEY_REUSED, refused.kind());
        assertEquals(1, data.orders.size());
    }

    // ------------------------------------------------------------------ fixtures

    private PlaceRequest twoTeesByCourier() {
        return new PlaceRequest(customer(), List.of(line("TEE-S", 2)),
                new DeliveryRequest(DeliveryMethod.HOME, "courier", Map.of("street", "Main 1"), null, null, null),
                PaymentMethod.CARD);
    }

    /** Expected fit of each event (orders.md, "The order object"), written out independently of OrderRules. */
    private static boolean expectedToFit(AdminEvent event, Status status, DeliveryMethod method) {
        boolean unpaid = status == Status.PENDING_PAYMENT || status == Status.PAYMENT_FAILED;
        return switch (event) {
            case PAID -> unpaid || status == Status.CANCELLED;
            case PAYMENT_FAILED -> status == Status.PENDING_PAYMENT;
            case PACKED -> status == Status.CONFIRMED;
            case SHIPPED -> method != DeliveryMethod.STORE && (status == Status.PACKED || status == Status.SHIPPED);
            case READY_FOR_PICKUP -> method == DeliveryMethod.STORE && status == Status.PACKED
                    || method == DeliveryMethod.PICKUP_POINT && status == Status.SHIPPED;
            case DELIVERED -> method == DeliveryMethod.HOME && status == Status.SHIPPED;
            case PICKED_UP -> status == Status.READY_FOR_PICKUP;
            case CANCELLED -> unpaid || status == Status.CONFIRMED || status == Status.PACKED;
            case REFUNDED -> status == Status.CONFIRMED || status == Status.PACKED || status == Status.SHIPPED
                    || status == Status.READY_FOR_PICKUP || status == Status.DELIVERED || status == Status.PICKED_UP;
            case RETURN_RECEIVED -> false;
        };
    }

    /** A card order of one TEE-S unit in {@code status}, paid once past payment, with what that status implies. */
    private Order orderIn(Status status, DeliveryMethod method) {
        data.stock("TEE-S", "wh", 10);
        data.stock("TEE-S", "store", 3);
        DeliveryRequest delivery = switch (method) {
            case HOME -> new DeliveryRequest(method, "courier", Map.of("street", "Main 1"), null, null, null);
            case PICKUP_POINT -> new DeliveryRequest(method, "courier", null, "pp-1", null, null);
            case STORE -> new DeliveryRequest(method, null, null, null, "store", null);
        };
        if (method == DeliveryMethod.PICKUP_POINT) {
            data.carriers.set(0, new CarrierTerms("courier", "Courier", List.of(DeliveryMethod.HOME,
                    DeliveryMethod.PICKUP_POINT), 1, 2, eur("4.90"), eur("100.00"),
                    "https://track.example.com/{trackingNumber}", List.of("08:00-12:00")));
        }
        Order order = service.place(new PlaceRequest(customer(), List.of(line("TEE-S", 1)), delivery, PaymentMethod.CARD),
                Optional.empty()).order();
        String id = order.orderId();
        List<AdminEvent> path = switch (status) {
            case PENDING_PAYMENT, CANCELLED -> List.of();
            case PAYMENT_FAILED -> List.of(AdminEvent.PAYMENT_FAILED);
            case CONFIRMED -> List.of(AdminEvent.PAID);
            case PACKED -> List.of(AdminEvent.PAID, AdminEvent.PACKED);
            case SHIPPED -> List.of(AdminEvent.PAID, AdminEvent.PACKED, AdminEvent.SHIPPED);
            case READY_FOR_PICKUP -> method == DeliveryMethod.STORE
                    ? List.of(AdminEvent.PAID, AdminEvent.PACKED, AdminEvent.READY_FOR_PICKUP)
                    : List.of(AdminEvent.PAID, AdminEvent.PACKED, AdminEvent.SHIPPED, AdminEvent.READY_FOR_PICKUP);
            case DELIVERED -> List.of(AdminEvent.PAID, AdminEvent.PACKED, AdminEvent.SHIPPED, AdminEvent.DELIVERED);
            case PICKED_UP -> method == DeliveryMethod.STORE
                    ? List.of(AdminEvent.PAID, AdminEvent.PACKED, AdminEvent.READY_FOR_PICKUP, AdminEvent.PICKED_UP)
                    : List.of(AdminEvent.PAID, AdminEvent.PACKED, AdminEvent.SHIPPED, AdminEvent.READY_FOR_PICKUP,
                    AdminEvent.PICKED_UP);
        };
        for (AdminEvent event : path) {
            if (!OrderRules.fits(event, data.orders.get(id))) {
                break; // a status this method never reaches: forced below
            }
            admin(id, event);
        }
        if (status == Status.CANCELLED) {
            admin(id, AdminEvent.CANCELLED);
        }
        Order result = data.orders.get(id);
        data.orders.remove(id);
        if (result.status() != status) {
            // A status the method cannot reach (a HOME order READY_FOR_PICKUP): the state itself, for the rules.
            result = new Order(result.orderId(), result.version(), status, result.createdAt(), result.customer(),
                    result.lines(), result.delivery(), result.deliveryPrice(), result.estimatedDelivery(),
                    result.modifiableUntil(), result.payment(), result.parcels(), result.pickup(), result.returnUntil(),
                    result.damageReportUntil(), result.timeline(), result.deadlines(), result.aftercare());
        }
        return result;
    }

    private void admin(String orderId, AdminEvent event) {
        service.adminEvent(orderId, new AdminEventRequest(event, null, event == AdminEvent.SHIPPED ? "T-1" : null, null,
                event == AdminEvent.READY_FOR_PICKUP ? Map.of("name", "Point", "address", "Main 1", "openingHours",
                        List.of()) : null, null, null), Optional.empty());
    }

    private OrderService.Placed place(PaymentMethod payment, LineRequest... lines) {
        return service.place(new PlaceRequest(customer(), List.of(lines),
                new DeliveryRequest(DeliveryMethod.HOME, "courier", Map.of("street", "Main 1", "city", "Praha",
                        "postcode", "110 00", "country", "CZ"), null, null, null), payment), Optional.empty());
    }

    private static Order.TimelineEvent last(Order order) {
        return order.timeline().get(order.timeline().size() - 1);
    }

    private static Customer customer() {
        return new Customer("jana@example.com", "Jana", "cs", null);
    }

    private static LineRequest line(String sku, int quantity) {
        return new LineRequest(sku, quantity);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static Location location(String id, String type, boolean shipsOnline, boolean pickup) {
        return new Location(id, type, id, new Location.Address("Main 1", "Praha", "110 00", "CZ"), "+420 222 000 111",
                "Europe/Prague", WEEKDAYS, shipsOnline, pickup, 1, LocalTime.of(14, 0), 200, 7);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
