package io.shopcare.local.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shopcare.local.LocalStack;
import java.time.Duration;

/**
 * A small catalogue created through the merchant API, namespaced by a prefix so test classes
 * never depend on the demo data or on each other.
 */
public final class Fixtures {
    private Fixtures() {
    }

    static String warehouse(String prefix) {
        return prefix + "-warehouse";
    }

    static String category(String prefix) {
        return prefix + "-cat";
    }

    static String sku(String prefix, String size) {
        return (prefix + "-jacket-" + size).toUpperCase();
    }

    /** A warehouse that ships online and one product in sizes S and M with 10 units each. */
    static void createCatalog(StackClient client, String prefix) {
        ok(client.admin("PUT", "/admin/locations/" + warehouse(prefix), location("WAREHOUSE", "Central warehouse", true)));
        ok(client.admin("PUT", "/admin/products/" + prefix + "-jacket", product(prefix + " jacket", category(prefix), 1,
                "Alpine", sku(prefix, "S"), sku(prefix, "M"))));
        ok(client.admin("PUT", "/admin/stock/" + sku(prefix, "S") + "/" + warehouse(prefix), "{\"onHand\": 10}"));
        ok(client.admin("PUT", "/admin/stock/" + sku(prefix, "M") + "/" + warehouse(prefix), "{\"onHand\": 10}"));
    }

    public static String location(String type, String name, boolean shipsOnline) {
        return """
                {"type": "%s", "name": "%s", "address": {"street": "Skladová 5", "city": "Praha",
                 "postcode": "190 00", "country": "CZ"}, "phone": "+420 222 000 999", "timezone": "Europe/Prague",
                 "openingHours": [{"day": "MON", "opens": "08:00", "closes": "16:00"}],
                 "shipsOnline": %s, "pickup": %s, "processingDays": 1}""".formatted(type, name, shipsOnline, !shipsOnline);
    }

    /** Opening hours 08:00–18:00 every day of the week, as the openingHours array's items. */
    public static String everyDay() {
        return String.join(", ", java.util.List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN").stream()
                .map(d -> "{\"day\": \"" + d + "\", \"opens\": \"08:00\", \"closes\": \"18:00\"}").toList());
    }

    /** A warehouse in Prague that ships online and works every day (orders count no weekend). */
    public static String everyDayWarehouse(String name) {
        return """
                {"type": "WAREHOUSE", "name": "%s", "address": {"street": "Skladová 5", "city": "Praha",
                 "postcode": "190 00", "country": "CZ"}, "phone": "+420 222 000 555", "timezone": "Europe/Prague",
                 "openingHours": [%s], "shipsOnline": true, "pickup": false, "processingDays": 1}""".formatted(name, everyDay());
    }

    /** A HOME courier with a free-delivery threshold and three delivery slots. */
    public static String carrier(String name) {
        return """
                {"name": "%s", "methods": ["HOME"], "transitDays": {"min": 1, "max": 2},
                 "price": {"amount": "4.90", "currency": "EUR"}, "freeFrom": {"amount": "100.00", "currency": "EUR"},
                 "trackingUrl": "https://track.example.com/parcel/{trackingNumber}",
                 "deliverySlots": [{"from": "08:00", "to": "12:00"}, {"from": "12:00", "to": "16:00"},
                                   {"from": "16:00", "to": "20:00"}]}""".formatted(name);
    }

    /** A product with one variant per SKU; sizes are taken from the SKU's last dash-separated part. */
    public static String product(String name, String category, int position, String brand, String... skus) {
        StringBuilder variants = new StringBuilder();
        for (String sku : skus) {
            if (variants.length() > 0) {
                variants.append(", ");
            }
            String size = sku.substring(sku.lastIndexOf('-') + 1);
            variants.append("{\"sku\": \"").append(sku).append("\", \"size\": \"").append(size)
                    .append("\", \"colour\": \"black\"}");
        }
        return """
                {"name": "%s", "categoryIds": ["%s"], "position": %d, "attributes": {"brand": "%s", "material": "down"},
                 "price": {"amount": "129.00", "currency": "EUR"}, "lowStockThreshold": 3, "variants": [%s]}"""
                .formatted(name, category, position, brand, variants);
    }

    static StackClient.Answer ok(StackClient.Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer;
    }

    /** A one-SKU product ({@code AL-NAME-M}, category {@code alerts-name}) with no stock at the location; returns the SKU. */
    static String soldOutProduct(StackClient client, LocalStack stack, String location, String name) {
        String sku = "AL-" + name.toUpperCase() + "-M";
        ok(client.admin("PUT", "/admin/products/alerts-" + name,
                product("Alerts " + name, "alerts-" + name, 1, "Alpine", sku)));
        setStock(client, stack, sku, location, 0);
        stack.awaitIdle(Duration.ofSeconds(60));
        return sku;
    }

    /** Sets the SKU's units at the location and waits until the stream consumers have seen it. */
    static void setStock(StackClient client, LocalStack stack, String sku, String location, int units) {
        ok(client.admin("PUT", "/admin/stock/" + sku + "/" + location, "{\"onHand\": " + units + "}"));
        stack.awaitIdle(Duration.ofSeconds(30));
    }

    /** For the bench command: a warehouse that ships online, created through the merchant API. */
    public static void catalogForBenchmark(LocalStack stack, String prefix) {
        StackClient client = new StackClient(stack.apiUrl(), stack.adminToken());
        ok(client.admin("PUT", "/admin/locations/" + warehouse(prefix), location("WAREHOUSE", "Bench warehouse", true)));
    }

    /** For the bench command: a sold-out one-SKU product at the prefix's warehouse; returns the SKU. */
    public static String soldOutSkuForBenchmark(LocalStack stack, String prefix) {
        return soldOutProduct(new StackClient(stack.apiUrl(), stack.adminToken()), stack, warehouse(prefix), prefix);
    }
}
