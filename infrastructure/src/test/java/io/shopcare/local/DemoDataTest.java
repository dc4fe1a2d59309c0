package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Carrier;
import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import io.shopcare.catalog.aws.CatalogRequests;
import io.shopcare.http.JsonInput;
import io.shopcare.json.Json;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * demo-data.json holds what a quote needs out of the box: carriers for every delivery method, in
 * the products' currency, and locations whose dispatch fields are given, not defaulted. Each body
 * is read by the same request readers the merchant routes use, so a refused call fails here
 * before it fails the stack's start.
 */
class DemoDataTest {
    private static final List<DemoData.Call> CALLS = DemoData.calls();

    private static JsonInput body(DemoData.Call call) {
        return JsonInput.of(Json.parseObject(Json.write(call.body())));
    }

    private static String id(DemoData.Call call) {
        return call.path().substring(call.path().lastIndexOf('/') + 1);
    }

    private static List<Carrier> carriers() {
        return CALLS.stream().filter(c -> c.kind().equals("carriers"))
                .map(c -> CatalogRequests.carrier(id(c), body(c))).toList();
    }

    @Test
    void carriersComeInTheirOwnPhaseAfterTheLocations() {
        assertEquals(List.of("locations", "carriers", "products", "stock"),
                DemoData.phases(CALLS).stream().map(phase -> phase.get(0).kind()).toList());
        assertTrue(CALLS.stream().allMatch(c -> c.method().equals("PUT") || c.kind().equals("stock")));
    }

    @Test
    void aQuoteFindsAHomeCourierWithSlotsAHomeCarrierWithFreeDeliveryAndPickupPoints() {
        Map<String, Carrier> carriers = carriers().stream().collect(Collectors.toMap(Carrier::carrierId, c -> c));
        assertEquals(Set.of("courier-express", "post-standard", "pickup-points"), carriers.keySet());

        Carrier courier = carriers.get("courier-express");
        assertEquals(List.of(Carrier.Method.HOME), courier.methods());
        assertEquals(List.of(slot(8, 12), slot(12, 16), slot(16, 20)), courier.deliverySlots());

        Carrier post = carriers.get("post-standard");
        assertEquals(List.of(Carrier.Method.HOME), post.methods());
        assertEquals(List.of(), post.deliverySlots());
        assertEquals("0.00", post.priceFor(post.freeFrom()).toJson().get("amount"), "free from its threshold");

        assertEquals(List.of(Carrier.Method.PICKUP_POINT), carriers.get("pickup-points").methods());

        Set<String> productCurrencies = CALLS.stream().filter(c -> c.kind().equals("products"))
                .map(c -> CatalogRequests.product(id(c), body(c))).map(Product::price)
                .map(money -> money.currency()).collect(Collectors.toSet());
        for (Carrier carrier : carriers.values()) {
            assertEquals(productCurrencies, Set.of(carrier.price().currency()), carrier.carrierId());
        }
    }

    @Test
    void everyLocationGivesItsDispatchFieldsAndPickupStoresKeepParcels() {
        List<DemoData.Call> locationCalls = CALLS.stream().filter(c -> c.kind().equals("locations")).toList();
        assertEquals(3, locationCalls.size());
        for (DemoData.Call call : locationCalls) {
            Map<?, ?> body = (Map<?, ?>) call.body();
            for (String field : List.of("dispatchCutoff", "dailyCapacity", "storageDays")) {
                assertTrue(body.containsKey(field), call.path() + " gives " + field);
            }
            Location location = CatalogRequests.location(id(call), body(call));
            if (location.isStore()) {
                assertTrue(location.pickup(), call.path() + " is a pickup store");
            } else {
                assertTrue(location.shipsOnline(), call.path());
            }
        }
    }

    private static Carrier.DeliverySlot slot(int from, int to) {
        return new Carrier.DeliverySlot(LocalTime.of(from, 0), LocalTime.of(to, 0));
    }
}
