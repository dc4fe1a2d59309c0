package io.shopcare.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Carrier.DeliverySlot;
import io.shopcare.catalog.Carrier.Method;
import io.shopcare.catalog.Carrier.TransitDays;
import io.shopcare.json.Json;
import io.shopcare.outcome.Refusal;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A carrier's own rules: each one refused with its path, all of them in one refusal. */
class CarrierTest {
    private static final String URL = "https://track.example.com/parcel/{trackingNumber}";
    private static final Money PRICE = eur("4.90");

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static DeliverySlot slot(String from, String to) {
        return new DeliverySlot(LocalTime.parse(from), LocalTime.parse(to));
    }

    private static Carrier courier(List<DeliverySlot> slots) {
        return new Carrier("courier", "Courier", List.of(Method.HOME), new TransitDays(1, 2), PRICE, eur("50.00"), URL,
                slots);
    }

    /** The problems of a carrier that is valid except for what the test changes. */
    private static List<Refusal.Problem> problems(List<Method> methods, TransitDays transit, Money price, Money freeFrom,
                                                  String url, List<DeliverySlot> slots) {
        return Carrier.problems("courier", "Courier", methods, transit, price, freeFrom, url, slots);
    }

    private static List<Refusal.Problem> problemsOfSlots(List<DeliverySlot> slots) {
        return problems(List.of(Method.HOME), new TransitDays(1, 2), PRICE, null, URL, slots);
    }

    private static Refusal.Problem problem(String field, String text) {
        return new Refusal.Problem(field, text);
    }

    @Test
    void aValidCarrierSurvivesItsStoredFormAndLeavesOutWhatItLacks() {
        Carrier courier = courier(List.of(slot("08:00", "12:00"), slot("12:00", "16:00"), slot("16:00", "20:00")));
        assertEquals(courier, Carrier.fromJson(Json.parseObject(Json.write(courier.toJson()))));
        assertEquals(List.of(Map.of("from", "08:00", "to", "12:00"), Map.of("from", "12:00", "to", "16:00"),
                Map.of("from", "16:00", "to", "20:00")), courier.toJson().get("deliverySlots"));

        Carrier plain = new Carrier("post", "Post", List.of(Method.PICKUP_POINT, Method.HOME), new TransitDays(0, 0),
                eur("0.00"), null, URL, null);
        Map<String, Object> json = plain.toJson();
        assertFalse(json.containsKey("freeFrom"));
        assertFalse(json.containsKey("deliverySlots"));
        assertEquals(List.of("PICKUP_POINT", "HOME"), json.get("methods"));
        assertEquals(plain, Carrier.fromJson(Json.parseObject(Json.write(json))));
        assertEquals(List.of(), plain.deliverySlots());
    }

    @Test
    void methodsMustBeNamedAndEachOnlyOnce() {
        assertEquals(List.of(problem("methods", "must name at least one method")),
                problems(List.of(), new TransitDays(1, 2), PRICE, null, URL, List.of()));
        assertEquals(List.of(problem("methods[2]", "is listed twice")),
                problems(List.of(Method.HOME, Method.PICKUP_POINT, Method.HOME), new TransitDays(1, 2), PRICE, null,
                        URL, List.of()));
    }

    @Test
    void transitDaysRunFromZeroToSixtyWithMinNotAboveMax() {
        assertEquals(List.of(), problems(List.of(Method.HOME), new TransitDays(0, 60), PRICE, null, URL, List.of()));
        assertEquals(List.of(), problems(List.of(Method.HOME), new TransitDays(3, 3), PRICE, null, URL, List.of()));
        assertEquals(List.of(problem("transitDays.max", "must not be less than min")),
                problems(List.of(Method.HOME), new TransitDays(3, 2), PRICE, null, URL, List.of()));
        assertEquals(List.of(problem("transitDays.min", "must be between 0 and 60"),
                        problem("transitDays.max", "must be between 0 and 60")),
                problems(List.of(Method.HOME), new TransitDays(-1, 61), PRICE, null, URL, List.of()));
    }

    @Test
    void pricesAreNotNegativeAndFreeFromIsInThePricesCurrency() {
        assertEquals(List.of(problem("price.amount", "must not be negative")),
                problems(List.of(Method.HOME), new TransitDays(1, 2), eur("-0.01"), null, URL, List.of()));
        assertEquals(List.of(problem("freeFrom.amount", "must not be negative")),
                problems(List.of(Method.HOME), new TransitDays(1, 2), PRICE, eur("-5.00"), URL, List.of()));
        assertEquals(List.of(problem("freeFrom.currency", "must be the price's currency EUR")),
                problems(List.of(Method.HOME), new TransitDays(1, 2), PRICE, new Money(new BigDecimal("1000.00"), "CZK"),
                        URL, List.of()));
    }

    @Test
    void theTrackingUrlIsHttpsWithAHostAndThePlaceholder() {
        for (String good : List.of(URL, "https://t.example.com/?id={trackingNumber}&lang=cs",
                "https://{trackingNumber}.track.example.com/")) {
            assertEquals(List.of(), problems(List.of(Method.HOME), new TransitDays(1, 2), PRICE, null, good, List.of()),
                    good);
        }
        for (String bad : List.of("http://track.example.com/{trackingNumber}", "https://track.example.com/parcel",
                "https:///parcel/{trackingNumber}", "https://track.example.com/{trackingNumber} x",
                "javascript:alert(1)//{trackingNumber}", "https://user@track.example.com/{trackingNumber}",
                "https://track.example.com/{trackingNumber}/\u0000", "//track.example.com/{trackingNumber}",
                "https://track.example.com/" + "a".repeat(480) + "{trackingNumber}")) {
            List<Refusal.Problem> problems = problems(List.of(Method.HOME), new TransitDays(1, 2), PRICE, null, bad,
                    List.of());
            assertEquals(List.of("trackingUrl"), problems.stream().map(Refusal.Problem::field).toList(), bad);
        }
    }

    @Test
    void slotsEndAfterTheyStartAndDoNotOverlap() {
        assertEquals(List.of(), problemsOfSlots(List.of(slot("16:00", "20:00"), slot("08:00", "12:00"),
                slot("12:00", "16:00"))), "slots that touch do not overlap, in any order");
        assertEquals(List.of(problem("deliverySlots[0].to", "must be after from"),
                        problem("deliverySlots[1].to", "must be after from")),
                problemsOfSlots(List.of(slot("12:00", "12:00"), slot("14:00", "13:00"))));
        assertEquals(List.of(problem("deliverySlots[1]", "overlaps deliverySlots[0]")),
                problemsOfSlots(List.of(slot("08:00", "12:00"), slot("11:59", "14:00"))));
        assertEquals(List.of(problem("deliverySlots[2]", "overlaps deliverySlots[0]")),
                problemsOfSlots(List.of(slot("08:00", "12:00"), slot("12:00", "16:00"), slot("09:00", "10:00"))));
        assertEquals(List.of(problem("deliverySlots[1]", "overlaps deliverySlots[0]")),
                problemsOfSlots(List.of(slot("08:00", "12:00"), slot("08:00", "12:00"))), "the same slot twice");
    }

    @Test
    void onlyACarrierThatDeliversHomeHasSlots() {
        assertEquals(List.of(problem("deliverySlots", "are for HOME delivery: this carrier does not deliver HOME")),
                problems(List.of(Method.PICKUP_POINT), new TransitDays(1, 2), PRICE, null, URL,
                        List.of(slot("08:00", "12:00"))));
        assertEquals(List.of(), problems(List.of(Method.PICKUP_POINT), new TransitDays(1, 2), PRICE, null, URL, List.of()));
    }

    @Test
    void theConstructorRefusesABrokenCarrierWithEveryProblem() {
        Refusal refusal = assertThrows(Refusal.class, () -> new Carrier("bad id", " ", List.of(Method.HOME, Method.HOME),
                new TransitDays(5, 1), PRICE, new Money(new BigDecimal("100"), "USD"), "ftp://x/{trackingNumber}",
                List.of(slot("10:00", "09:00"))));
        assertEquals(Refusal.Kind.INVALID, refusal.kind());
        assertEquals(List.of("carrierId", "name", "methods[1]", "transitDays.max", "freeFrom.currency", "trackingUrl",
                "deliverySlots[0].to"), refusal.problems().stream().map(Refusal.Problem::field).toList());
    }

    @Test
    void deliveryIsFreeOnceTheGoodsReachFreeFrom() {
        Carrier courier = courier(List.of());
        assertEquals(PRICE, courier.priceFor(eur("49.99")));
        assertEquals(eur("0.00"), courier.priceFor(eur("50.00")));
        assertEquals(eur("0.00"), courier.priceFor(eur("120.00")));
        Carrier neverFree = new Carrier("post", "Post", List.of(Method.HOME), new TransitDays(1, 2), PRICE, null, URL,
                List.of());
        assertEquals(PRICE, neverFree.priceFor(eur("100000.00")));
        assertThrows(IllegalArgumentException.class,
                () -> courier.priceFor(new Money(new BigDecimal("5000.00"), "CZK")));
    }

    @Test
    void theTrackingUrlOfAParcelHasItsNumberFilledInAndEncoded() {
        Carrier courier = courier(List.of());
        assertEquals("https://track.example.com/parcel/DR1234567CZ", courier.trackingUrlFor("DR1234567CZ"));
        assertEquals("https://track.example.com/parcel/A%2FB%20C%26D", courier.trackingUrlFor("A/B C&D"));
        assertTrue(courier.serves(Method.HOME));
        assertFalse(courier.serves(Method.PICKUP_POINT));
    }
}
