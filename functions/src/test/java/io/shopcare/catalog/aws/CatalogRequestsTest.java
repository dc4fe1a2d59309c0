package io.shopcare.catalog.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Carrier;
import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import io.shopcare.http.JsonInput;
import io.shopcare.json.Json;
import io.shopcare.outcome.Refusal;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request validation: every problem listed with its path, unknown fields refused. */
class CatalogRequestsTest {

    @Test
    void everyProblemOfAProductIsListedWithItsPath() {
        Refusal e = assertThrows(Refusal.class, () -> CatalogRequests.product("p", JsonInput.of(Json.parseObject("""
                {"name": "", "categoryIds": ["ok", "not ok"], "price": {"amount": 49.9, "currency": "EUR"},
                 "variants": [{"sku": "A", "size": "M", "stock": 3}, {"sku": "A"}], "status": "ACTIVE"}"""))));
        assertEquals(Refusal.Kind.INVALID, e.kind());
        assertEquals(List.of("status", "name", "categoryIds[1]", "price.amount", "variants[0].stock", "variants[1].sku"),
                e.problems().stream().map(Refusal.Problem::field).toList());
    }

    @Test
    void moneyKeepsTheCurrencysDecimalPlaces() {
        Product product = CatalogRequests.product("p", JsonInput.of(Json.parseObject("""
                {"name": "Boot", "categoryIds": ["shoes"], "price": {"amount": "49.9", "currency": "EUR"},
                 "variants": [{"sku": "B-1", "price": {"amount": "1200", "currency": "EUR"}}]}""")));
        assertEquals("49.90", product.price().toJson().get("amount"));
        assertEquals(Product.DEFAULT_LOW_STOCK_THRESHOLD, product.lowStockThreshold());
        Refusal yen = assertThrows(Refusal.class, () -> CatalogRequests.product("p", JsonInput.of(Json.parseObject("""
                {"name": "Boot", "categoryIds": ["shoes"], "price": {"amount": "49.90", "currency": "JPY"},
                 "variants": [{"sku": "B-1"}]}"""))));
        assertEquals("price.amount", yen.problems().get(0).field());
    }

    @Test
    void aLocationNeedsRealTimesZoneAndCountry() {
        Refusal e = assertThrows(Refusal.class, () -> CatalogRequests.location("l", JsonInput.of(Json.parseObject("""
                {"type": "STORE", "name": "S", "address": {"street": "a", "city": "b", "postcode": "c", "country": "XX"},
                 "phone": "+420 123 456", "timezone": "Mars/Base", "openingHours": [{"day": "MON", "opens": "18:00",
                 "closes": "09:00"}], "shipsOnline": false, "pickup": "yes", "processingDays": 31}"""))));
        assertEquals(List.of("address.country", "timezone", "openingHours[0].closes", "pickup", "processingDays"),
                e.problems().stream().map(Refusal.Problem::field).toList());
    }

    private static final String STORE = """
            {"type": "STORE", "name": "S", "address": {"street": "a", "city": "b", "postcode": "c", "country": "CZ"},
             "phone": "+420 123 456", "timezone": "Europe/Prague", "openingHours": [{"day": "MON", "opens": "09:00",
             "closes": "18:00"}], "shipsOnline": false, "pickup": true, "processingDays": 0%s}""";

    @Test
    void aLocationThatShipsOrHandsOverNeedsOpeningHoursAndOneBeingSetUpDoesNot() {
        String closed = """
                {"type": "STORE", "name": "Brno", "address": {"street": "A 1", "city": "Brno", "postcode": "602 00",
                 "country": "CZ"}, "phone": "+420 123 456", "timezone": "Europe/Prague", "openingHours": [],
                 "shipsOnline": %s, "pickup": %s, "processingDays": 0}""";
        for (String[] flags : new String[][] {{"true", "false"}, {"false", "true"}}) {
            Refusal e = assertThrows(Refusal.class, () -> CatalogRequests.location("l",
                    JsonInput.of(Json.parseObject(closed.formatted(flags[0], flags[1])))));
            assertEquals(List.of("openingHours"), e.problems().stream().map(Refusal.Problem::field).toList());
        }
        Location settingUp = CatalogRequests.location("l", JsonInput.of(Json.parseObject(closed.formatted("false", "false"))));
        assertTrue(settingUp.openingHours().isEmpty());
    }

    @Test
    void aFixedOffsetIsNotATimeZone() {
        for (String zone : new String[] {"+02:00", "UTC+2", "GMT+02:00"}) {
            Refusal e = assertThrows(Refusal.class, () -> CatalogRequests.location("l", JsonInput.of(Json.parseObject(
                    STORE.formatted("").replace("Europe/Prague", zone)))), zone);
            assertEquals(List.of("timezone"), e.problems().stream().map(Refusal.Problem::field).toList(), zone);
        }
        assertEquals("Etc/GMT-2", CatalogRequests.location("l", JsonInput.of(Json.parseObject(
                STORE.formatted("").replace("Europe/Prague", "Etc/GMT-2")))).timezone());
    }

    @Test
    void aLocationWithoutTheDispatchFieldsGetsTheirDefaults() {
        Location location = CatalogRequests.location("l", JsonInput.of(Json.parseObject(STORE.formatted(""))));
        assertEquals(LocalTime.of(14, 0), location.dispatchCutoff());
        assertEquals(200, location.dailyCapacity());
        assertEquals(7, location.storageDays());
    }

    @Test
    void theDispatchFieldsAreTakenAsGiven() {
        Location location = CatalogRequests.location("l", JsonInput.of(Json.parseObject(STORE.formatted(
                ", \"dispatchCutoff\": \"11:30\", \"dailyCapacity\": 1, \"storageDays\": 60"))));
        assertEquals(LocalTime.of(11, 30), location.dispatchCutoff());
        assertEquals(1, location.dailyCapacity());
        assertEquals(60, location.storageDays());
    }

    @Test
    void everyProblemOfTheDispatchFieldsIsListedWithItsPath() {
        Refusal e = assertThrows(Refusal.class, () -> CatalogRequests.location("l", JsonInput.of(Json.parseObject(
                STORE.formatted(", \"dispatchCutoff\": \"24:00\", \"dailyCapacity\": 0, \"storageDays\": 61")))));
        assertEquals(List.of(new Refusal.Problem("dispatchCutoff", "must be a time HH:mm"),
                new Refusal.Problem("dailyCapacity", "must be between 1 and 100000"),
                new Refusal.Problem("storageDays", "must be between 1 and 60")), e.problems());
        for (String wrong : List.of("\"dispatchCutoff\": \"2pm\"", "\"dispatchCutoff\": 1400",
                "\"dailyCapacity\": 2.5", "\"dailyCapacity\": \"200\"", "\"storageDays\": 0",
                "\"storageDays\": -7")) {
            Refusal one = assertThrows(Refusal.class, () -> CatalogRequests.location("l",
                    JsonInput.of(Json.parseObject(STORE.formatted(", " + wrong)))), wrong);
            assertEquals(1, one.problems().size(), wrong);
            assertEquals(wrong.substring(1, wrong.indexOf('"', 1)), one.problems().get(0).field(), wrong);
        }
    }

    private static final String COURIER = """
            {"name": "Courier", "methods": ["HOME"], "transitDays": {"min": 1, "max": 2},
             "price": {"amount": "4.9", "currency": "EUR"}, "freeFrom": {"amount": "50", "currency": "EUR"},
             "trackingUrl": "https://track.example.com/{trackingNumber}",
             "deliverySlots": [{"from": "08:00", "to": "12:00"}, {"from": "12:00", "to": "16:00"}]}""";

    @Test
    void aCarrierIsReadWithItsMoneyInTheCurrencysDecimalPlaces() {
        Carrier carrier = CatalogRequests.carrier("courier", JsonInput.of(Json.parseObject(COURIER)));
        assertEquals("courier", carrier.carrierId());
        assertEquals(List.of(Carrier.Method.HOME), carrier.methods());
        assertEquals(new Carrier.TransitDays(1, 2), carrier.transitDays());
        assertEquals("4.90", carrier.price().toJson().get("amount"));
        assertEquals("50.00", carrier.freeFrom().toJson().get("amount"));
        assertEquals(List.of(new Carrier.DeliverySlot(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new Carrier.DeliverySlot(LocalTime.of(12, 0), LocalTime.of(16, 0))), carrier.deliverySlots());

        Carrier plain = CatalogRequests.carrier("post", JsonInput.of(Json.parseObject("""
                {"name": "Post", "methods": ["PICKUP_POINT", "HOME"], "transitDays": {"min": 0, "max": 3},
                 "price": {"amount": "0", "currency": "CZK"}, "trackingUrl": "https://p.example.com/?n={trackingNumber}",
                 "deliverySlots": []}""")));
        assertEquals(null, plain.freeFrom());
        assertEquals(List.of(), plain.deliverySlots());
    }

    @Test
    void aCarriersShapeProblemsAndRuleProblemsComeInOneAnswer() {
        Refusal e = assertThrows(Refusal.class, () -> CatalogRequests.carrier("courier", JsonInput.of(Json.parseObject("""
                {"name": "", "methods": ["HOME", "TRUCK"], "transitDays": {"min": 3, "max": 1},
                 "price": {"amount": "4.90", "currency": "EUR"}, "freeFrom": {"amount": "1000", "currency": "CZK"},
                 "trackingUrl": "http://track.example.com/{trackingNumber}",
                 "deliverySlots": [{"from": "08:00", "to": "12:00"}, {"from": "11:00", "to": "13:00"}],
                 "status": "ACTIVE"}"""))));
        assertEquals(Refusal.Kind.INVALID, e.kind());
        assertEquals(List.of("status", "name", "methods[1]", "transitDays.max", "freeFrom.currency", "trackingUrl",
                "deliverySlots[1]"), e.problems().stream().map(Refusal.Problem::field).toList());
    }

    @Test
    void aMalformedSlotIsNamedAloneWithoutOverlapNoise() {
        Refusal e = assertThrows(Refusal.class, () -> CatalogRequests.carrier("courier", JsonInput.of(Json.parseObject(
                COURIER.replace("{\"from\": \"08:00\", \"to\": \"12:00\"}",
                        "{\"from\": \"8am\", \"to\": \"24:00\", \"note\": 1}, \"late\"")))));
        assertEquals(List.of("deliverySlots[1]", "deliverySlots[0].note", "deliverySlots[0].from", "deliverySlots[0].to"),
                e.problems().stream().map(Refusal.Problem::field).toList());
    }

    @Test
    void aCarrierNeedsEveryRequiredFieldAndKnownMethods() {
        Refusal e = assertThrows(Refusal.class, () -> CatalogRequests.carrier("c", JsonInput.of(Json.parseObject("""
                {"methods": [], "transitDays": {"min": "1"}, "price": {"amount": 4.9, "currency": "EUR"},
                 "deliverySlots": {"from": "08:00"}}"""))));
        assertEquals(List.of("name", "methods", "transitDays.min", "transitDays.max", "price.amount", "trackingUrl",
                "deliverySlots"), e.problems().stream().map(Refusal.Problem::field).toList());
    }

    @Test
    void namesRefuseControlAndBidiOverrideCharactersButDescriptionsKeepLineBreaks() {
        for (String name : List.of("Jacket\\u0000", "Jacket\\nL", "Jacket\\tL", "\\u202ekcaj", "Ja\\u2066cket",
                "Jack\\u2028et", "\\ufeffJacket", "Jacket\\u0085")) {
            Refusal e = assertThrows(Refusal.class, () -> CatalogRequests.product("p", JsonInput.of(Json.parseObject(
                    "{\"name\": \"" + name + "\", \"categoryIds\": [\"c\"], \"price\": {\"amount\": \"1.00\", "
                            + "\"currency\": \"EUR\"}, \"variants\": [{\"sku\": \"A\"}]}"))), name);
            assertEquals(List.of("name"), e.problems().stream().map(Refusal.Problem::field).toList(), name);
        }
        Product product = CatalogRequests.product("p", JsonInput.of(Json.parseObject("""
                {"name": "Bunda \u05e9\u05de\u05dc\u05d4\u200f M", "description": "Warm.\\nWater-proof.\\tGood.",
                 "categoryIds": ["c"], "price": {"amount": "1.00", "currency": "EUR"}, "variants": [{"sku": "A"}]}""")));
        assertEquals("Warm.\nWater-proof.\tGood.", product.description());
        Refusal bidi = assertThrows(Refusal.class, () -> CatalogRequests.product("p", JsonInput.of(Json.parseObject("""
                {"name": "N", "description": "safe \u202e gnirts", "categoryIds": ["c"],
                 "price": {"amount": "1.00", "currency": "EUR"}, "variants": [{"sku": "A"}]}"""))));
        assertEquals("description", bidi.problems().get(0).field());
    }
}
