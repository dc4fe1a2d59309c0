package io.shopcare.local.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A catalogue of malformed or unauthorised requests against the storefront and merchant routes. Every one must
 * be answered with a 4xx in the contract's error shape and must change nothing. The catalogue is
 * generated from a valid body per route by breaking one thing at a time.
 */
final class MalformedRequests {
    static final String JSON = "application/json";

    record Request(String name, String method, String path, String contentType, String body,
                   boolean withAdminToken, Map<String, String> headers) {
        Request(String name, String method, String path, String contentType, String body, boolean withAdminToken) {
            this(name, method, path, contentType, body, withAdminToken, Map.of());
        }
    }

    private MalformedRequests() {
    }

    static final String VALID_LOCATION = """
            {"type": "STORE", "name": "Test store", "address": {"street": "Na Příkopě 1", "city": "Praha",
             "postcode": "110 00", "country": "CZ"}, "phone": "+420 222 000 111", "timezone": "Europe/Prague",
             "openingHours": [{"day": "MON", "opens": "09:00", "closes": "18:00"}],
             "shipsOnline": false, "pickup": true, "processingDays": 1}""";

    static final String VALID_CARRIER = """
            {"name": "Test courier", "methods": ["HOME"], "transitDays": {"min": 1, "max": 2},
             "price": {"amount": "4.90", "currency": "EUR"}, "freeFrom": {"amount": "100.00", "currency": "EUR"},
             "trackingUrl": "https://track.example.com/{trackingNumber}",
             "deliverySlots": [{"from": "08:00", "to": "12:00"}, {"from": "12:00", "to": "16:00"}]}""";

    static final String VALID_PRODUCT = """
            {"name": "Test jacket", "categoryIds": ["womens-jackets"], "position": 1,
             "attributes": {"brand": "Test"}, "price": {"amount": "49.90", "currency": "EUR"},
             "lowStockThreshold": 3,
             "variants": [{"sku": "TEST-1", "size": "M", "colour": "red"}]}""";

    /** Generates the catalogue; {@code sku}, {@code location} and {@code categoryId} exist in the demo data. */
    static List<Request> all(String sku, String location, String categoryId) {
        List<Request> all = new ArrayList<>();
        String locationPath = "/admin/locations/new-store";
        String productPath = "/admin/products/new-product";
        String carrierPath = "/admin/carriers/new-carrier";
        String stockPath = "/admin/stock/" + sku + "/" + location;
        String adjustPath = stockPath + "/adjustments";

        // Syntax, media type and size: the same for every body-carrying route.
        for (String[] route : new String[][] {{"PUT", locationPath}, {"PUT", carrierPath}, {"PUT", productPath}, {"PUT", stockPath},
                {"POST", adjustPath}}) {
            String method = route[0];
            String path = route[1];
            for (String body : List.of("{", "[]", "null", "\"text\"", "42", "{\"onHand\": }", "{'onHand': 1}",
                    "{\"a\":1}{\"b\":2}", "")) {
                all.add(new Request("bad JSON " + body, method, path, JSON, body, true));
            }
            all.add(new Request("not JSON media type", method, path, "text/plain", "{\"onHand\": 1}", true));
            all.add(new Request("form media type", method, path, "application/x-www-form-urlencoded", "onHand=1", true));
            all.add(new Request("body over 64 KiB", method, path, JSON,
                    "{\"name\": \"" + "x".repeat(70 * 1024) + "\"}", true));
            all.add(new Request("no admin token", method, path, JSON, "{\"onHand\": 1}", false));
            all.add(new Request("wrong admin token", method, path, JSON, "{\"onHand\": 1}", false,
                    Map.of("Authorization", "Bearer not-the-token")));
        }

        // Locations: one broken field at a time.
        for (String[] change : new String[][] {
                {"\"type\": \"STORE\"", "\"type\": \"SHOP\""},
                {"\"type\": \"STORE\"", "\"type\": 1"},
                {"\"name\": \"Test store\"", "\"name\": \"\""},
                {"\"name\": \"Test store\"", "\"name\": [\"a\"]"},
                {"\"country\": \"CZ\"", "\"country\": \"Czechia\""},
                {"\"city\": \"Praha\",", "\"city\": \"Praha\", \"district\": \"1\","},
                {"\"timezone\": \"Europe/Prague\"", "\"timezone\": \"Mars/Olympus\""},
                {"\"day\": \"MON\"", "\"day\": \"MONDAY\""},
                {"\"opens\": \"09:00\"", "\"opens\": \"9am\""},
                {"\"closes\": \"18:00\"", "\"closes\": \"08:00\""},
                {"\"closes\": \"18:00\"}", "\"closes\": \"18:00\", \"note\": \"x\"}"},
                {"\"shipsOnline\": false", "\"shipsOnline\": \"no\""},
                {"\"processingDays\": 1", "\"processingDays\": -1"},
                {"\"processingDays\": 1", "\"processingDays\": 1.5"},
                {"\"processingDays\": 1", "\"processingDays\": \"1\""},
                {"\"pickup\": true,", "\"pickup\": true, \"version\": 7,"},
                {"\"address\": {", "\"address\": null, \"x\": {"},
                {"\"processingDays\": 1", "\"processingDays\": 1, \"dispatchCutoff\": \"25:00\""},
                {"\"processingDays\": 1", "\"processingDays\": 1, \"dispatchCutoff\": \"2pm\""},
                {"\"processingDays\": 1", "\"processingDays\": 1, \"dispatchCutoff\": 14"},
                {"\"processingDays\": 1", "\"processingDays\": 1, \"dailyCapacity\": 0"},
                {"\"processingDays\": 1", "\"processingDays\": 1, \"dailyCapacity\": 100001"},
                {"\"processingDays\": 1", "\"processingDays\": 1, \"storageDays\": 61"},
                {"\"processingDays\": 1", "\"processingDays\": 1, \"storageDays\": \"7\""},
        }) {
            all.add(new Request("location " + change[1], "PUT", locationPath, JSON,
                    replaceOnce(VALID_LOCATION, change[0], change[1]), true));
        }
        all.add(new Request("location id with a space", "PUT", "/admin/locations/bad%20id", JSON, VALID_LOCATION, true));
        all.add(new Request("location id too long", "PUT", "/admin/locations/" + "a".repeat(65), JSON, VALID_LOCATION, true));

        // Carriers: one broken field or rule at a time.
        for (String[] change : new String[][] {
                {"\"name\": \"Test courier\"", "\"name\": \"\""},
                {"\"name\": \"Test courier\"", "\"name\": \"Test\\u202ecourier\""},
                {"\"methods\": [\"HOME\"]", "\"methods\": []"},
                {"\"methods\": [\"HOME\"]", "\"methods\": [\"DRONE\"]"},
                {"\"methods\": [\"HOME\"]", "\"methods\": [\"HOME\", \"HOME\"]"},
                {"\"methods\": [\"HOME\"]", "\"methods\": \"HOME\""},
                {"\"methods\": [\"HOME\"]", "\"methods\": [\"PICKUP_POINT\"]"},
                {"\"min\": 1, \"max\": 2", "\"min\": 3, \"max\": 2"},
                {"\"min\": 1, \"max\": 2", "\"min\": -1, \"max\": 2"},
                {"\"min\": 1, \"max\": 2", "\"min\": 1, \"max\": 61"},
                {"\"min\": 1, \"max\": 2", "\"min\": 1.5, \"max\": 2"},
                {"\"min\": 1, \"max\": 2", "\"min\": 1, \"max\": 2, \"avg\": 1"},
                {"\"amount\": \"4.90\"", "\"amount\": \"-4.90\""},
                {"\"amount\": \"4.90\"", "\"amount\": 4.9"},
                {"\"amount\": \"100.00\", \"currency\": \"EUR\"", "\"amount\": \"100.00\", \"currency\": \"CZK\""},
                {"\"https://track.example.com/{trackingNumber}\"", "\"http://track.example.com/{trackingNumber}\""},
                {"\"https://track.example.com/{trackingNumber}\"", "\"https://track.example.com/parcel\""},
                {"\"https://track.example.com/{trackingNumber}\"", "\"javascript:alert(1)//{trackingNumber}\""},
                {"\"https://track.example.com/{trackingNumber}\"", "\"https://evil@track.example.com/{trackingNumber}\""},
                {"\"from\": \"12:00\", \"to\": \"16:00\"", "\"from\": \"11:00\", \"to\": \"16:00\""},
                {"\"from\": \"12:00\", \"to\": \"16:00\"", "\"from\": \"16:00\", \"to\": \"12:00\""},
                {"\"from\": \"12:00\", \"to\": \"16:00\"", "\"from\": \"12:00\", \"to\": \"24:00\""},
                {"\"from\": \"12:00\", \"to\": \"16:00\"", "\"from\": \"noon\", \"to\": \"16:00\""},
                {"\"from\": \"12:00\", \"to\": \"16:00\"", "\"from\": \"12:00\", \"to\": \"16:00\", \"fee\": 1"},
                {"\"name\": \"Test courier\",", "\"name\": \"Test courier\", \"carrierId\": \"other\","},
                {"\"name\": \"Test courier\",", ""},
        }) {
            all.add(new Request("carrier " + change[1], "PUT", carrierPath, JSON,
                    replaceOnce(VALID_CARRIER, change[0], change[1]), true));
        }
        all.add(new Request("carrier id with a slash", "PUT", "/admin/carriers/a%2Fb", JSON, VALID_CARRIER, true));
        all.add(new Request("carrier id too long", "PUT", "/admin/carriers/" + "c".repeat(65), JSON, VALID_CARRIER, true));

        // Products.
        for (String[] change : new String[][] {
                {"\"amount\": \"49.90\"", "\"amount\": 49.90"},
                {"\"amount\": \"49.90\"", "\"amount\": \"49.999\""},
                {"\"amount\": \"49.90\"", "\"amount\": \"-1.00\""},
                {"\"amount\": \"49.90\"", "\"amount\": \"forty\""},
                {"\"currency\": \"EUR\"", "\"currency\": \"EURO\""},
                {"\"currency\": \"EUR\"", "\"currency\": \"XYZ\""},
                {"\"categoryIds\": [\"womens-jackets\"]", "\"categoryIds\": []"},
                {"\"categoryIds\": [\"womens-jackets\"]", "\"categoryIds\": [\"has space\"]"},
                {"\"categoryIds\": [\"womens-jackets\"]", "\"categoryIds\": \"womens-jackets\""},
                {"\"position\": 1", "\"position\": -1"},
                {"\"lowStockThreshold\": 3", "\"lowStockThreshold\": -3"},
                {"\"attributes\": {\"brand\": \"Test\"}", "\"attributes\": {\"brand\": 5}"},
                {"\"variants\": [{\"sku\": \"TEST-1\", \"size\": \"M\", \"colour\": \"red\"}]", "\"variants\": []"},
                {"\"colour\": \"red\"}", "\"colour\": \"red\", \"stock\": 10}"},
                {"\"colour\": \"red\"}", "\"colour\": \"red\", \"preorder\": {\"expectedDate\": \"2026-13-01\", \"limit\": 5}}"},
                {"\"colour\": \"red\"}", "\"colour\": \"red\", \"preorder\": {\"expectedDate\": \"2026-12-01\", \"limit\": 0}}"},
                {"\"colour\": \"red\"}]", "\"colour\": \"red\"}, {\"sku\": \"TEST-1\", \"size\": \"L\"}]"},
                {"\"sku\": \"TEST-1\"", "\"sku\": \"bad sku!\""},
                {"\"name\": \"Test jacket\",", "\"name\": \"Test jacket\", \"availability\": \"IN_STOCK\","},
                {"\"name\": \"Test jacket\",", ""},
        }) {
            all.add(new Request("product " + change[1], "PUT", productPath, JSON,
                    replaceOnce(VALID_PRODUCT, change[0], change[1]), true));
        }

        // Stock levels and adjustments.
        for (String body : List.of("{\"onHand\": -1}", "{\"onHand\": 1.5}", "{\"onHand\": \"5\"}", "{\"onHand\": null}",
                "{}", "{\"onHand\": 5, \"reserved\": 0}", "{\"onHand\": 99999999999}", "{\"onHand\": true}")) {
            all.add(new Request("stock " + body, "PUT", stockPath, JSON, body, true));
        }
        all.add(new Request("stock for unknown sku", "PUT", "/admin/stock/NO-SUCH-SKU/" + location, JSON, "{\"onHand\": 5}", true));
        all.add(new Request("stock at unknown location", "PUT", "/admin/stock/" + sku + "/no-such-place", JSON, "{\"onHand\": 5}", true));
        for (String body : List.of("{\"delta\": 0, \"reason\": \"count\"}", "{\"delta\": 1.5, \"reason\": \"count\"}",
                "{\"delta\": 1}", "{\"delta\": 1, \"reason\": \"\"}", "{\"delta\": -100000000, \"reason\": \"x\"}",
                "{\"delta\": -1000000, \"reason\": \"more than there is\"}", "{\"delta\": 1, \"reason\": \"x\", \"onHand\": 3}")) {
            all.add(new Request("adjustment " + body, "POST", adjustPath, JSON, body, true));
        }
        all.add(new Request("adjustment at unknown sku", "POST", "/admin/stock/NO-SUCH-SKU/" + location + "/adjustments",
                JSON, "{\"delta\": 1, \"reason\": \"x\"}", true));
        all.add(new Request("idempotency key too long", "POST", adjustPath, JSON, "{\"delta\": 1, \"reason\": \"x\"}", true,
                Map.of("Idempotency-Key", "k".repeat(129))));
        all.add(new Request("idempotency key with a space", "POST", adjustPath, JSON, "{\"delta\": 1, \"reason\": \"x\"}", true,
                Map.of("Idempotency-Key", "two words")));

        // Storefront reads.
        String listing = "/categories/" + categoryId + "/products";
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "limit=-5", "limit=1.5", "cursor=garbage",
                "cursor=eyJwb3MiOjN9", "cursor=" + "A".repeat(300), "size=M&cursor=%00%01")) {
            all.add(new Request("listing " + query, "GET", listing + "?" + query, null, null, false));
        }
        all.add(new Request("unknown product", "GET", "/products/no-such-product", null, null, false));
        all.add(new Request("product id too long", "GET", "/products/" + "p".repeat(65), null, null, false));
        all.add(new Request("unknown sku stores", "GET", "/skus/NO-SUCH-SKU/stores", null, null, false));
        all.add(new Request("bad sku id", "GET", "/skus/bad%20sku/stores", null, null, false));
        all.add(new Request("bad category id", "GET", "/categories/bad%21cat/products", null, null, false));

        // Alerts and the digest: nothing is stored and no e-mail goes out.
        String alerts = "/skus/" + sku + "/alerts";
        for (String body : List.of("{}", "{\"email\": \"not-an-address\"}", "{\"email\": 42}",
                "{\"email\": \"a@" + "b".repeat(260) + ".cz\"}", "{\"email\": \"x@example.com\", \"status\": \"ACTIVE\"}",
                "{\"email\": \"x@example.com\", \"locale\": 7}", "[\"x@example.com\"]", "{\"email\": ")) {
            all.add(new Request("alert sign-up " + body, "POST", alerts, JSON, body, false));
        }
        all.add(new Request("alert sign-up as a form", "POST", alerts, "application/x-www-form-urlencoded",
                "email=x@example.com", false));
        all.add(new Request("alert sign-up for an unknown sku", "POST", "/skus/NO-SUCH-SKU/alerts", JSON,
                "{\"email\": \"x@example.com\"}", false));
        all.add(new Request("alert sign-up with a bad idempotency key", "POST", alerts, JSON,
                "{\"email\": \"x@example.com\"}", false, Map.of("Idempotency-Key", "two words")));
        for (String body : List.of("{\"email\": \"x@example.com\", \"categoryIds\": []}",
                "{\"email\": \"x@example.com\", \"categoryIds\": [\"bad id!\"]}",
                "{\"email\": \"x@example.com\", \"categoryIds\": [\"no-such-category\"]}",
                "{\"email\": \"x@example.com\", \"categoryIds\": \"" + categoryId + "\"}")) {
            all.add(new Request("digest sign-up " + body, "POST", "/restock-digest/subscriptions", JSON, body, false));
        }
        for (String token : List.of("", "garbage", "k1.AAAA.BBBB", "x".repeat(3000))) {
            all.add(new Request("confirm with token '" + token.substring(0, Math.min(12, token.length())) + "'", "GET",
                    "/alerts/confirm?token=" + token, null, null, false));
            all.add(new Request("one-click with token '" + token.substring(0, Math.min(12, token.length())) + "'", "POST",
                    "/alerts/unsubscribe?token=" + token, null, null, false));
        }
        // Routes that do not exist: the $default route answers the contract's 404, never API Gateway's own body.
        all.add(new Request("unknown path", "GET", "/no/such/route", null, null, false));
        all.add(new Request("known path, unknown method", "DELETE", "/products/some-product", null, null, false));
        all.add(new Request("unknown admin path", "GET", "/admin/secrets", null, null, true));
        all.add(new Request("root", "GET", "/", null, null, false));
        all.add(new Request("confirm without a token", "GET", "/alerts/confirm", null, null, false));
        all.add(new Request("one-click without a token", "POST", "/alerts/unsubscribe", null, null, false));
        return all;
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException("fixture does not contain " + from);
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
