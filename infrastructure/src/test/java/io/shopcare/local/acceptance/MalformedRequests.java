package io.shopcare.local.acceptance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalogue of malformed or unauthorised requests against the storefront and merchant routes. Every one must
 * be answered with a 4xx in the contract's error shape and must change nothing. The catalogue is
 * generated from a valid body per route by breaking one thing at a time.
 */
final class MalformedRequests {
    static final String JSON = "application/json";

    /**
     * {@code expect}: the one status the request must get, or 0 for any 4xx; {@code code}: the one
     * error code it must carry, or null for any.
     */
    record Request(String name, String method, String path, String contentType, String body,
                   boolean withAdminToken, Map<String, String> headers, int expect, String code) {
        Request(String name, String method, String path, String contentType, String body, boolean withAdminToken,
                Map<String, String> headers, int expect) {
            this(name, method, path, contentType, body, withAdminToken, headers, expect, null);
        }

        Request(String name, String method, String path, String contentType, String body, boolean withAdminToken,
                Map<String, String> headers) {
            this(name, method, path, contentType, body, withAdminToken, headers, 0);
        }

        Request(String name, String method, String path, String contentType, String body, boolean withAdminToken) {
            this(name, method, path, contentType, body, withAdminToken, Map.of());
        }

        Request expecting(int status) {
            return new Request(name, method, path, contentType, body, withAdminToken, headers, status, code);
        }

        Request expecting(int status, String errorCode) {
            return new Request(name, method, path, contentType, body, withAdminToken, headers, status, errorCode);
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
                {"\"timezone\": \"Europe/Prague\"", "\"timezone\": \"+02:00\""},
                {"[{\"day\": \"MON\", \"opens\": \"09:00\", \"closes\": \"18:00\"}]", "[]"},
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

    /** A valid order body for the catalogue's SKU and carrier: each order case below breaks one thing of it. */
    static String validOrder(String sku, String carrier) {
        return """
                {"customer": {"email": "hostile@example.com", "name": "Jana Nováková", "locale": "cs", "phone": "+420 777 000 111"},
                 "lines": [{"sku": "%s", "quantity": 1}],
                 "delivery": {"method": "HOME", "carrier": "%s",
                              "address": {"street": "Dlouhá 1", "city": "Praha", "postcode": "110 00", "country": "CZ"}},
                 "payment": {"method": "CARD"}}""".formatted(sku, carrier);
    }

    /** A valid click-and-collect order body: the STORE cases below break one thing of it. */
    static String validStoreOrder(String sku, String store) {
        return """
                {"customer": {"email": "hostile@example.com", "name": "Jana Nováková", "locale": "cs"},
                 "lines": [{"sku": "%s", "quantity": 1}],
                 "delivery": {"method": "STORE", "storeId": "%s"},
                 "payment": {"method": "CASH_ON_DELIVERY"}}""".formatted(sku, store);
    }

    /**
     * The order routes. {@code orderId} is an order placed for the catalogue (HOME by {@code carrier}, card,
     * unpaid, one unit of {@code sku}) whose access token is {@code token}; {@code otherToken} is the token of
     * another order. Requests to the shopper's routes carry the real token unless the token is what they
     * break, so a refusal shows that the body or the state, not the token, was refused; none of them may
     * create, change or cancel an order, reserve a unit or send an e-mail.
     */
    static List<Request> orders(String sku, String carrier, String store, String warehouse, String orderId, String token,
                                String otherToken, String adminToken) {
        List<Request> all = new ArrayList<>();
        String order = "/orders/" + orderId;
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        String validOrder = validOrder(sku, carrier);
        String validLines = "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 2}]}";
        String validSlot = "{\"deliverySlot\": {\"date\": \"2099-01-05\", \"from\": \"08:00\", \"to\": \"12:00\"}}";

        // Syntax, media type and size on every body-carrying order route (the shopper's with the real token).
        record Route(String method, String path, boolean admin) {
        }
        for (Route route : List.of(new Route("POST", "/orders", false), new Route("POST", "/orders/quote", false),
                new Route("PATCH", order, false), new Route("POST", order + "/cancellations", false),
                new Route("POST", order + "/payments", false), new Route("PUT", order + "/delivery", false),
                new Route("POST", "/admin/orders/" + orderId + "/events", true))) {
            Map<String, String> headers = route.admin() ? Map.of() : bearer;
            for (String body : List.of("{", "[]", "null", "\"text\"", "42", "{\"lines\": }", "{'lines': []}",
                    "{\"a\":1}{\"b\":2}", "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]", "")) {
                if (body.isEmpty() && route.path().endsWith("/cancellations")) {
                    continue; // no body there means "cancel the whole order": valid, so not in this catalogue
                }
                all.add(new Request(route.method() + " " + route.path() + " bad JSON " + body, route.method(), route.path(),
                        JSON, body, route.admin(), headers));
            }
            all.add(new Request(route.method() + " " + route.path() + " as text", route.method(), route.path(),
                    "text/plain", validOrder, route.admin(), headers).expecting(415));
            all.add(new Request(route.method() + " " + route.path() + " as a form", route.method(), route.path(),
                    "application/x-www-form-urlencoded", "method=CARD", route.admin(), headers).expecting(415));
            all.add(new Request(route.method() + " " + route.path() + " over 64 KiB", route.method(), route.path(), JSON,
                    "{\"lines\": [{\"sku\": \"" + "x".repeat(70 * 1024) + "\", \"quantity\": 1}]}", route.admin(), headers)
                    .expecting(413));
            all.add(new Request(route.method() + " " + route.path() + " bad idempotency key", route.method(), route.path(),
                    JSON, "{\"unknown\": 1}", route.admin(), withKey(headers, "two words")));
        }

        // POST /orders: one broken thing at a time. Nothing may be reserved, stored or e-mailed.
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            tooMany.append(i == 0 ? "" : ", ").append("{\"sku\": \"").append(sku).append("-").append(i)
                    .append("\", \"quantity\": 1}");
        }
        String quantity = "\"quantity\": 1}]";
        for (String[] change : new String[][] {
                {"\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]", "\"lines\": []"},
                {"\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]", "\"lines\": [" + tooMany + "]"},
                {"\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]", "\"lines\": {\"sku\": \"" + sku + "\"}"},
                {"\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}],", ""},
                {quantity, "\"quantity\": 0}]"},
                {quantity, "\"quantity\": -1}]"},
                {quantity, "\"quantity\": 100}]"},
                {quantity, "\"quantity\": 1.5}]"},
                {quantity, "\"quantity\": \"1\"}]"},
                {quantity, "\"quantity\": null}]"},
                {quantity, "\"quantity\": 1e9}]"},
                {quantity, "\"quantity\": 1E400}]"},
                {quantity, "\"quantity\": 99999999999999999999999}]"},
                {quantity, "\"quantity\": 2147483648}]"},
                {quantity, "\"quantity\": true}]"},
                {quantity, "\"quantity\": 1, \"price\": {\"amount\": \"0.01\", \"currency\": \"EUR\"}}]"},
                {quantity, "\"quantity\": 1}, {\"sku\": \"" + sku + "\", \"quantity\": 1}]"},
                {quantity, "\"quantity\": 1}, {\"sku\": \"NO-SUCH-SKU\", \"quantity\": 1}]"},
                {"\"sku\": \"" + sku + "\"", "\"sku\": \"bad sku!\""},
                {"\"sku\": \"" + sku + "\"", "\"sku\": \"" + "S".repeat(65) + "\""},
                {"\"sku\": \"" + sku + "\"", "\"sku\": \"../" + sku + "\""},
                {"\"sku\": \"" + sku + "\"", "\"sku\": 42"},
                {"\"sku\": \"" + sku + "\", ", ""},
                {"\"email\": \"hostile@example.com\"", "\"email\": \"not-an-address\""},
                {"\"email\": \"hostile@example.com\"", "\"email\": \"hostile@example.com\\r\\nBcc: victim@example.com\""},
                {"\"email\": \"hostile@example.com\"", "\"email\": \"hostile@example.com, victim@example.com\""},
                {"\"email\": \"hostile@example.com\"", "\"email\": \"a@" + "b".repeat(260) + ".cz\""},
                {"\"email\": \"hostile@example.com\"", "\"email\": [\"hostile@example.com\"]"},
                {"\"name\": \"Jana Nováková\"", "\"name\": \"Jana\\r\\nBcc: victim@example.com\""},
                {"\"name\": \"Jana Nováková\"", "\"name\": \"Jana\\u0000\""},
                {"\"name\": \"Jana Nováková\"", "\"name\": \"\""},
                {"\"name\": \"Jana Nováková\"", "\"name\": \"" + "J".repeat(201) + "\""},
                {"\"locale\": \"cs\"", "\"locale\": 7"},
                {"\"locale\": \"cs\"", "\"locale\": \"" + "c".repeat(36) + "\""},
                {"\"phone\": \"+420 777 000 111\"", "\"phone\": \"call me\""},
                {"\"phone\": \"+420 777 000 111\"", "\"phone\": \"+420 777\\n000 111\""},
                {"\"phone\": \"+420 777 000 111\"}", "\"phone\": \"+420 777 000 111\", \"customerId\": \"c-1\"}"},
                {"\"customer\": {", "\"customer\": null, \"x\": {"},
                {"\"method\": \"HOME\"", "\"method\": \"DRONE\""},
                {"\"method\": \"HOME\"", "\"method\": \"home\""},
                {"\"method\": \"HOME\"", "\"method\": 1"},
                {"\"method\": \"HOME\"", "\"method\": \"STORE\""},
                {"\"method\": \"HOME\"", "\"method\": \"PICKUP_POINT\""},
                {"\"carrier\": \"" + carrier + "\",", ""},
                {"\"carrier\": \"" + carrier + "\"", "\"carrier\": \"no-such-carrier\""},
                {"\"carrier\": \"" + carrier + "\"", "\"carrier\": \"../" + carrier + "\""},
                {"\"carrier\": \"" + carrier + "\",", "\"carrier\": \"" + carrier + "\", \"storeId\": \"" + store + "\","},
                {"\"carrier\": \"" + carrier + "\",", "\"carrier\": \"" + carrier + "\", \"price\": 0,"},
                {"\"carrier\": \"" + carrier + "\",", "\"carrier\": \"" + carrier
                        + "\", \"slot\": {\"date\": \"2026-02-30\", \"from\": \"08:00\", \"to\": \"12:00\"},"},
                {"\"carrier\": \"" + carrier + "\",", "\"carrier\": \"" + carrier
                        + "\", \"slot\": {\"date\": \"tomorrow\", \"from\": \"08:00\", \"to\": \"12:00\"},"},
                {"\"carrier\": \"" + carrier + "\",", "\"carrier\": \"" + carrier
                        + "\", \"slot\": {\"date\": \"2099-01-05\", \"from\": \"25:00\", \"to\": \"12:00\"},"},
                {"\"carrier\": \"" + carrier + "\",", "\"carrier\": \"" + carrier
                        + "\", \"slot\": {\"date\": \"2099-01-05\", \"from\": \"09:00\", \"to\": \"10:00\"},"},
                {"\"street\": \"Dlouhá 1\"", "\"street\": \"" + "D".repeat(201) + "\""},
                {"\"street\": \"Dlouhá 1\"", "\"street\": \"Dlouhá 1\\r\\nX-Injected: yes\""},
                {"\"postcode\": \"110 00\"", "\"postcode\": \"" + "1".repeat(21) + "\""},
                {"\"country\": \"CZ\"", "\"country\": \"XX\""},
                {"\"country\": \"CZ\"", "\"country\": \"Czechia\""},
                {"\"country\": \"CZ\"}", "\"country\": \"CZ\", \"floor\": 3}"},
                {"\"address\": {\"street\": \"Dlouhá 1\", \"city\": \"Praha\", \"postcode\": \"110 00\", \"country\": \"CZ\"}",
                        "\"address\": \"Dlouhá 1, Praha\""},
                {"\"payment\": {\"method\": \"CARD\"}", "\"payment\": {\"method\": \"BITCOIN\"}"},
                {"\"payment\": {\"method\": \"CARD\"}", "\"payment\": {\"method\": null}"},
                {"\"payment\": {\"method\": \"CARD\"}", "\"payment\": {\"method\": \"CARD\", \"status\": \"PAID\"}"},
                {"\"payment\": {\"method\": \"CARD\"}", "\"payment\": \"CARD\""},
                {"\"payment\": {\"method\": \"CARD\"}}", "\"payment\": {\"method\": \"CARD\"}, \"status\": \"CONFIRMED\"}"},
                {"\"payment\": {\"method\": \"CARD\"}}", "\"payment\": {\"method\": \"CARD\"}, "
                        + "\"total\": {\"amount\": \"0.01\", \"currency\": \"EUR\"}}"},
        }) {
            all.add(new Request("order " + abbreviate(change[1]), "POST", "/orders", JSON,
                    replaceOnce(validOrder, change[0], change[1]), false));
        }
        // Well-formed, but more than there is: 409 and nothing reserved.
        all.add(new Request("order for more than there is", "POST", "/orders", JSON,
                replaceOnce(validOrder, quantity, "\"quantity\": 99}]"), false).expecting(409));
        all.add(new Request("order with a slot before the earliest delivery", "POST", "/orders", JSON,
                replaceOnce(validOrder, "\"carrier\": \"" + carrier + "\",", "\"carrier\": \"" + carrier
                        + "\", \"slot\": {\"date\": \"2000-01-03\", \"from\": \"08:00\", \"to\": \"12:00\"},"), false)
                .expecting(409));
        String storeOrder = validStoreOrder(sku, store);
        all.add(new Request("order STORE without storeId", "POST", "/orders", JSON,
                replaceOnce(storeOrder, "\"storeId\": \"" + store + "\"", "\"storeIds\": [\"" + store + "\"]"), false));
        all.add(new Request("order STORE at an unknown store", "POST", "/orders", JSON,
                replaceOnce(storeOrder, "\"storeId\": \"" + store + "\"", "\"storeId\": \"no-such-store\""), false));
        all.add(new Request("order STORE at a warehouse", "POST", "/orders", JSON,
                replaceOnce(storeOrder, "\"storeId\": \"" + store + "\"", "\"storeId\": \"" + warehouse + "\""), false));
        all.add(new Request("order STORE with a slot", "POST", "/orders", JSON, replaceOnce(storeOrder,
                "\"storeId\": \"" + store + "\"", "\"storeId\": \"" + store
                        + "\", \"slot\": {\"date\": \"2099-01-05\", \"from\": \"08:00\", \"to\": \"12:00\"}"), false));
        all.add(new Request("order with a reused idempotency key and a bad body", "POST", "/orders", JSON,
                replaceOnce(validOrder, quantity, "\"quantity\": 0}]"), false, Map.of("Idempotency-Key", "hostile-1")));

        // POST /orders/quote.
        String validQuote = "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}], \"delivery\": {\"method\": \"HOME\"}}";
        for (String[] change : new String[][] {
                {"\"quantity\": 1", "\"quantity\": 0"},
                {"\"quantity\": 1", "\"quantity\": 100"},
                {"\"quantity\": 1", "\"quantity\": -5"},
                {"[{\"sku\": \"" + sku + "\", \"quantity\": 1}]", "[]"},
                {"[{\"sku\": \"" + sku + "\", \"quantity\": 1}]", "[" + tooMany + "]"},
                {"\"sku\": \"" + sku + "\"", "\"sku\": \"NO-SUCH-SKU\""},
                {"\"method\": \"HOME\"", "\"method\": \"TELEPORT\""},
                {"\"method\": \"HOME\"", "\"method\": \"HOME\", \"storeId\": \"" + store + "\""},
                {"\"method\": \"HOME\"", "\"method\": \"STORE\", \"storeId\": \"no-such-store\""},
                {"\"method\": \"HOME\"", "\"method\": \"HOME\", \"postcode\": \"" + "9".repeat(21) + "\""},
                {"\"method\": \"HOME\"", "\"method\": \"HOME\", \"carrier\": \"" + carrier + "\""},
                {"\"delivery\": {\"method\": \"HOME\"}", "\"delivery\": {\"method\": \"HOME\"}, \"coupon\": \"FREE\""},
                {", \"delivery\": {\"method\": \"HOME\"}", ""},
        }) {
            all.add(new Request("quote " + abbreviate(change[1]), "POST", "/orders/quote", JSON,
                    replaceOnce(validQuote, change[0], change[1]), false));
        }
        all.add(new Request("quote for more than there is", "POST", "/orders/quote", JSON,
                replaceOnce(validQuote, "\"quantity\": 1", "\"quantity\": 99"), false).expecting(409));

        // The order token: wrong, missing or garbage is 404 on every shopper route, as for an unknown order.
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("empty bearer", "Bearer");
        tokens.put("garbage bearer", "Bearer garbage");
        tokens.put("token with one more character", "Bearer " + token + "x");
        tokens.put("token without its last character", "Bearer " + token.substring(0, token.length() - 1));
        tokens.put("another order's token", "Bearer " + otherToken);
        tokens.put("the admin token", "Bearer " + adminToken);
        tokens.put("basic credentials", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        tokens.put("token without scheme", token);
        tokens.put("oversized token", "Bearer " + "A".repeat(4000));
        tokens.put("token as JSON", "Bearer {\"orderId\": \"" + orderId + "\"}");
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            Map<String, String> auth = t.getValue() == null ? Map.of() : Map.of("Authorization", t.getValue());
            all.add(new Request("GET order, " + t.getKey(), "GET", order, null, null, false, auth).expecting(404));
            all.add(new Request("PATCH order, " + t.getKey(), "PATCH", order, JSON, validLines, false, auth).expecting(404));
            all.add(new Request("cancel order, " + t.getKey(), "POST", order + "/cancellations", JSON, "{}", false, auth)
                    .expecting(404));
            all.add(new Request("cancel order without a body, " + t.getKey(), "POST", order + "/cancellations", null, null,
                    false, auth).expecting(404));
            all.add(new Request("pay again, " + t.getKey(), "POST", order + "/payments", JSON,
                    "{\"method\": \"BANK_TRANSFER\"}", false, auth).expecting(404));
            all.add(new Request("delivery slot, " + t.getKey(), "PUT", order + "/delivery", JSON, validSlot, false, auth)
                    .expecting(404));
        }
        all.add(new Request("the token in the query", "GET", order + "?token=" + token, null, null, false));
        all.add(new Request("the token as a cookie", "GET", order, null, null, false, Map.of("Cookie", "token=" + token))
                .expecting(404));
        String unknown = "/orders/" + orderId.substring(0, orderId.length() - 1) + (orderId.endsWith("Z") ? "Y" : "Z");
        all.add(new Request("unknown order with its real token's signature", "GET", unknown, null, null, false, bearer)
                .expecting(404));
        all.add(new Request("cancel an unknown order", "POST", unknown + "/cancellations", JSON, "{}", false, bearer)
                .expecting(404));
        for (String id : List.of("O".repeat(65), "9".repeat(2000), "..", "..%2F..%2Fadmin%2Forders", "%2e%2e%2fadmin",
                orderId + "%00", orderId + "%0d%0aX-Injected:%20yes", "%C3%A9", "' OR '1'='1", "-" + orderId)) {
            String path = "/orders/" + id.replace("' OR '1'='1", "%27%20OR%20%271%27%3D%271");
            all.add(new Request("order id " + abbreviate(id), "GET", path, null, null, false, bearer));
            all.add(new Request("cancel with order id " + abbreviate(id), "POST", path + "/cancellations", JSON, "{}", false,
                    bearer));
        }
        all.add(new Request("path traversal to the admin list", "GET", "/orders/../admin/orders?status=CONFIRMED", null, null,
                false, bearer));
        all.add(new Request("order sub-path that does not exist", "POST", order + "/refunds", JSON, "{}", false, bearer));
        all.add(new Request("DELETE an order", "DELETE", order, null, null, false, bearer));

        // The shopper's routes with the real token: a body or a state that does not fit.
        for (String body : List.of("{\"lines\": []}", "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 0}]}",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 100}]}",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": -1}]}",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": \"2\"}]}",
                "{\"lines\": [{\"sku\": \"NO-SUCH-SKU\", \"quantity\": 1}]}",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}, {\"sku\": \"" + sku + "\", \"quantity\": 1}]}",
                "{\"lines\": [" + tooMany + "]}",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 2}], \"status\": \"CONFIRMED\"}",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 2, \"unitPrice\": \"0.01\"}]}",
                "{}")) {
            all.add(new Request("PATCH " + abbreviate(body), "PATCH", order, JSON, body, false, bearer));
        }
        all.add(new Request("PATCH to more than there is", "PATCH", order, JSON,
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 99}]}", false, bearer).expecting(409));
        all.add(new Request("cancel more units than ordered", "POST", order + "/cancellations", JSON,
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 5}]}", false, bearer).expecting(409));
        all.add(new Request("extend a pickup of a home delivery", "PUT", order + "/delivery", JSON,
                "{\"extendPickupDays\": 1}", false, bearer).expecting(409));
        all.add(new Request("a slot the carrier does not have", "PUT", order + "/delivery", JSON,
                "{\"deliverySlot\": {\"date\": \"2099-01-05\", \"from\": \"09:00\", \"to\": \"10:00\"}}", false, bearer)
                .expecting(409));
        all.add(new Request("a slot before the earliest delivery", "PUT", order + "/delivery", JSON,
                "{\"deliverySlot\": {\"date\": \"2000-01-03\", \"from\": \"08:00\", \"to\": \"12:00\"}}", false, bearer)
                .expecting(409));
        for (String body : List.of("{\"lines\": []}", "{\"lines\": [{\"sku\": \"NO-SUCH-SKU\", \"quantity\": 1}]}",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 0}]}",
                "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": -1}]}",
                "{\"lines\": \"all\"}", "{\"reason\": \"changed my mind\"}", "{\"lines\": null}",
                "{\"lines\": [{\"sku\": \"" + sku + "\"}]}")) {
            all.add(new Request("cancel " + abbreviate(body), "POST", order + "/cancellations", JSON, body, false, bearer));
        }
        for (String body : List.of("{}", "{\"method\": \"BITCOIN\"}", "{\"method\": \"card\"}", "{\"method\": null}",
                "{\"method\": \"CARD\", \"amount\": {\"amount\": \"0.01\", \"currency\": \"EUR\"}}", "{\"method\": [\"CARD\"]}")) {
            all.add(new Request("pay " + body, "POST", order + "/payments", JSON, body, false, bearer));
        }
        for (String body : List.of("{}", "{\"extendPickupDays\": 0}", "{\"extendPickupDays\": 8}", "{\"extendPickupDays\": -1}",
                "{\"extendPickupDays\": \"3\"}", "{\"extendPickupDays\": 1.5}", "{\"extendPickupDays\": 99999999999}",
                "{\"deliverySlot\": {\"date\": \"2026-02-30\", \"from\": \"08:00\", \"to\": \"12:00\"}}",
                "{\"deliverySlot\": {\"date\": \"05.01.2099\", \"from\": \"08:00\", \"to\": \"12:00\"}}",
                "{\"deliverySlot\": {\"date\": \"2099-01-05\", \"from\": \"8:00\", \"to\": \"12:00\"}}",
                "{\"deliverySlot\": {\"date\": \"2099-01-05\", \"from\": \"08:00\", \"to\": \"12:00\", \"fee\": 0}}",
                "{\"deliverySlot\": {\"date\": \"2099-01-05\", \"from\": \"08:00\"}}",
                "{\"deliverySlot\": \"2099-01-05 08:00-12:00\"}", "{\"address\": {\"street\": \"Jinde 2\"}}")) {
            all.add(new Request("delivery " + abbreviate(body), "PUT", order + "/delivery", JSON, body, false, bearer));
        }

        // The merchant's order routes: no token, a wrong one, bad queries, events that are malformed or do not fit.
        String events = "/admin/orders/" + orderId + "/events";
        for (String[] route : new String[][] {{"GET", "/admin/orders?status=CONFIRMED"}, {"GET", "/admin/orders/" + orderId},
                {"POST", events}, {"PUT", "/admin/carriers/" + carrier}}) {
            String body = route[0].equals("GET") ? null : route[1].endsWith("/events") ? "{\"type\": \"PAID\"}" : VALID_CARRIER;
            String type = body == null ? null : JSON;
            all.add(new Request(route[0] + " " + route[1] + " without the admin token", route[0], route[1], type, body, false)
                    .expecting(401));
            all.add(new Request(route[0] + " " + route[1] + " with the order's token", route[0], route[1], type, body, false,
                    bearer).expecting(401));
            all.add(new Request(route[0] + " " + route[1] + " with a wrong admin token", route[0], route[1], type, body, false,
                    Map.of("Authorization", "Bearer " + adminToken + "x")).expecting(401));
        }
        for (String query : List.of("", "?status=BOGUS", "?status=confirmed", "?status=CONFIRMED&email=a@example.com",
                "?email=not-an-address", "?status=CONFIRMED&limit=0", "?status=CONFIRMED&limit=101",
                "?status=CONFIRMED&cursor=garbage", "?status=CONFIRMED&cursor=" + "A".repeat(300),
                "?status=CONFIRMED&sort=desc", "?email=" + "a".repeat(300) + "@example.com")) {
            all.add(new Request("admin orders " + abbreviate(query), "GET", "/admin/orders" + query, null, null, true));
        }
        all.add(new Request("admin unknown order", "GET", "/admin/orders/NO-SUCH-ORDER", null, null, true).expecting(404));
        all.add(new Request("admin order id too long", "GET", "/admin/orders/" + "o".repeat(65), null, null, true));
        all.add(new Request("admin event on an unknown order", "POST", "/admin/orders/NO-SUCH-ORDER/events", JSON,
                "{\"type\": \"PAID\"}", true).expecting(404));
        for (String body : List.of("{}", "{\"type\": \"TELEPORTED\"}", "{\"type\": \"paid\"}", "{\"type\": 5}",
                "{\"type\": \"PAID\", \"status\": \"CONFIRMED\"}",
                "{\"type\": \"SHIPPED\", \"trackingNumber\": \"a b\"}",
                "{\"type\": \"SHIPPED\", \"trackingNumber\": \"" + "Z".repeat(65) + "\"}",
                "{\"type\": \"SHIPPED\", \"trackingNumber\": \"Z1\", \"trackingUrl\": \"http://track.example.com/Z1\"}",
                "{\"type\": \"SHIPPED\", \"trackingNumber\": \"Z1\", \"trackingUrl\": \"javascript:alert(1)\"}",
                "{\"type\": \"SHIPPED\", \"trackingNumber\": \"Z1\", \"trackingUrl\": \"https://x.example.com/\\\"><script>\"}",
                "{\"type\": \"SHIPPED\", \"trackingNumber\": \"Z1\", \"carrier\": \"../x\"}",
                "{\"type\": \"REFUNDED\", \"amount\": \"-1.00\"}", "{\"type\": \"REFUNDED\", \"amount\": \"1.234\"}",
                "{\"type\": \"REFUNDED\", \"amount\": 12.5}", "{\"type\": \"REFUNDED\", \"amount\": \"0.00\"}",
                "{\"type\": \"REFUNDED\", \"amount\": \"1e3\"}", "{\"type\": \"REFUNDED\", \"amount\": \"99999999999.00\"}",
                "{\"type\": \"CANCELLED\", \"reason\": \"<script>alert(1)</script>\"}",
                "{\"type\": \"CANCELLED\", \"reason\": \"" + "r".repeat(65) + "\"}",
                "{\"type\": \"READY_FOR_PICKUP\", \"pickupPoint\": {\"name\": \"P\", \"address\": \"A\", \"openingHours\": [],"
                        + " \"phone\": \"1\"}}",
                "{\"type\": \"READY_FOR_PICKUP\", \"pickupPoint\": {\"name\": \"P\", \"address\": \"A\", \"openingHours\":"
                        + " [{\"day\": \"MONDAY\", \"opens\": \"09:00\", \"closes\": \"18:00\"}]}}",
                "{\"type\": \"READY_FOR_PICKUP\", \"pickupPoint\": {\"name\": \"P\\r\\nX\", \"address\": \"A\", \"openingHours\": []}}",
                "{\"type\": \"RETURN_RECEIVED\", \"returnId\": \"../../x\"}")) {
            all.add(new Request("event " + abbreviate(body), "POST", events, JSON, body, true));
        }
        // Well-formed events that do not fit an unpaid card order: 409, nothing changes.
        for (String body : List.of("{\"type\": \"PACKED\"}", "{\"type\": \"SHIPPED\", \"trackingNumber\": \"Z1\"}",
                "{\"type\": \"DELIVERED\"}", "{\"type\": \"READY_FOR_PICKUP\"}", "{\"type\": \"PICKED_UP\"}",
                "{\"type\": \"RETURN_RECEIVED\"}", "{\"type\": \"REFUNDED\", \"amount\": \"1.00\"}",
                "{\"type\": \"PAID\", \"amount\": \"1.00\"}")) {
            all.add(new Request("event that does not fit " + body, "POST", events, JSON, body, true).expecting(409));
        }
        return all;
    }

    /**
     * What the aftercare part of the catalogue is aimed at, all made before the hostile requests:
     * {@code delivered} (a cash-on-delivery HOME order of 3 units of {@code sku}, delivered, with two
     * returns of one unit each, so one unit is still returnable), its token; {@code returnId} and
     * {@code returnToken} (its first return and the token from that return's label link),
     * {@code otherReturnId} and {@code otherReturnToken} (its second); {@code openTicket} and
     * {@code resolvedTicket} (two of its tickets); {@code notDelivered} and {@code notDeliveredToken} (an
     * unpaid card order that was never shipped); {@code ordersCursor} and {@code ticketsCursor} (genuine
     * cursors of GET /admin/orders and GET /admin/tickets).
     */
    record Aftercare(String sku, String otherSku, String delivered, String deliveredToken, String returnId,
                     String returnToken, String otherReturnId, String otherReturnToken, String openTicket,
                     String resolvedTicket, String notDelivered, String notDeliveredToken, String ordersCursor,
                     String ticketsCursor, String adminToken) {
    }

    /** A valid return body for one unit of {@code sku}: each return case below breaks one thing of it. */
    static String validReturn(String sku) {
        return "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1, \"reason\": \"CHANGED_MIND\"}],"
                + " \"resolution\": \"REFUND\"}";
    }

    /**
     * The aftercare routes: POST /orders/{orderId}/returns and …/tickets, GET /admin/tickets, POST
     * /admin/tickets/{ticketId}/resolution and GET /returns/{returnId}/label. None of them may record a
     * return, a ticket or a resolution, reserve a unit, refund anything or send an e-mail.
     */
    static List<Request> aftercare(Aftercare f) {
        List<Request> all = new ArrayList<>();
        String sku = f.sku();
        String order = "/orders/" + f.delivered();
        String returns = order + "/returns";
        String tickets = order + "/tickets";
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + f.deliveredToken());
        String validReturn = validReturn(sku);
        String validTicket = "{\"type\": \"OTHER\", \"message\": \"Is there a gift receipt?\"}";
        String validResolution = "{\"message\": \"A gift receipt is on its way.\"}";
        String resolution = "/admin/tickets/" + f.openTicket() + "/resolution";

        // Syntax, media type and size on every body-carrying aftercare route.
        record Route(String method, String path, boolean admin, String valid) {
        }
        for (Route route : List.of(new Route("POST", returns, false, validReturn),
                new Route("POST", tickets, false, validTicket), new Route("POST", resolution, true, validResolution))) {
            Map<String, String> headers = route.admin() ? Map.of() : bearer;
            for (String body : List.of("{", "[]", "null", "\"text\"", "42", "true", "{\"lines\": }", "{'message': 'x'}",
                    "{\"a\":1}{\"b\":2}", route.valid().substring(0, route.valid().length() - 1), "", "   ",
                    route.valid() + ",", "[" + route.valid() + "]")) {
                all.add(new Request(route.method() + " " + route.path() + " bad JSON " + abbreviate(body), route.method(),
                        route.path(), JSON, body, route.admin(), headers).expecting(400));
            }
            all.add(new Request(route.method() + " " + route.path() + " without a content type", route.method(),
                    route.path(), null, route.valid(), route.admin(), headers));
            all.add(new Request(route.method() + " " + route.path() + " as text", route.method(), route.path(),
                    "text/plain", route.valid(), route.admin(), headers).expecting(415));
            all.add(new Request(route.method() + " " + route.path() + " as a form", route.method(), route.path(),
                    "application/x-www-form-urlencoded", "message=x", route.admin(), headers).expecting(415));
            all.add(new Request(route.method() + " " + route.path() + " over 64 KiB", route.method(), route.path(), JSON,
                    "{\"message\": \"" + "x".repeat(70 * 1024) + "\"}", route.admin(), headers).expecting(413));
            all.add(new Request(route.method() + " " + route.path() + " bad idempotency key", route.method(), route.path(),
                    JSON, route.valid(), route.admin(), withKey(headers, "two words")).expecting(400));
            all.add(new Request(route.method() + " " + route.path() + " idempotency key too long", route.method(),
                    route.path(), JSON, route.valid(), route.admin(), withKey(headers, "k".repeat(129))).expecting(400));
            // A good key with a refused body: the key must not be taken (the idempotency table is in the snapshot).
            all.add(new Request(route.method() + " " + route.path() + " good key, refused body", route.method(),
                    route.path(), JSON, "{\"unknown\": 1}", route.admin(), withKey(headers, "aftercare-hostile-1"))
                    .expecting(400));
        }

        // POST …/returns: one broken thing at a time, with the real token on the delivered order.
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            tooMany.append(i == 0 ? "" : ", ").append("{\"sku\": \"").append(sku).append("-").append(i)
                    .append("\", \"quantity\": 1, \"reason\": \"CHANGED_MIND\"}");
        }
        String line = "{\"sku\": \"" + sku + "\", \"quantity\": 1, \"reason\": \"CHANGED_MIND\"}";
        String quantity = "\"quantity\": 1";
        String reason = "\"reason\": \"CHANGED_MIND\"";
        String refund = "\"resolution\": \"REFUND\"";
        for (String[] change : new String[][] {
                {quantity, "\"quantity\": 0"},
                {quantity, "\"quantity\": 100"},
                {quantity, "\"quantity\": -1"},
                {quantity, "\"quantity\": 1e3"},
                {quantity, "\"quantity\": \"1\""},
                {quantity, "\"quantity\": 1.5"},
                {quantity, "\"quantity\": null"},
                {quantity, "\"quantity\": true"},
                {quantity, "\"quantity\": 2147483648"},
                {quantity, "\"quantity\": 99999999999999999999999"},
                {quantity, "\"quantity\": 1E400"},
                {quantity + ", ", ""},
                {reason, "\"reason\": \"BORED\""},
                {reason, "\"reason\": \"changed_mind\""},
                {reason, "\"reason\": 3"},
                {reason, "\"reason\": null"},
                {reason, "\"reason\": [\"CHANGED_MIND\"]"},
                {", " + reason, ""},
                {reason, reason + ", \"note\": \"too small\""},
                {reason, reason + ", \"refund\": {\"amount\": \"999.00\", \"currency\": \"EUR\"}"},
                {"\"sku\": \"" + sku + "\"", "\"sku\": \"bad sku!\""},
                {"\"sku\": \"" + sku + "\"", "\"sku\": \"" + "S".repeat(65) + "\""},
                {"\"sku\": \"" + sku + "\"", "\"sku\": \"../" + sku + "\""},
                {"\"sku\": \"" + sku + "\"", "\"sku\": 42"},
                {"\"sku\": \"" + sku + "\"", "\"sku\": null"},
                {"\"sku\": \"" + sku + "\", ", ""},
                {"[" + line + "]", "[]"},
                {"[" + line + "]", "[" + tooMany + "]"},
                {"[" + line + "]", line},
                {"[" + line + "]", "null"},
                {"[" + line + "]", "\"" + sku + "\""},
                {"[" + line + "]", "[\"" + sku + "\"]"},
                {"[" + line + "]", "[null]"},
                {"\"lines\": [" + line + "],", ""},
                {refund, "\"resolution\": \"STORE_CREDIT\""},
                {refund, "\"resolution\": \"refund\""},
                {refund, "\"resolution\": 1"},
                {refund, "\"resolution\": null"},
                {", " + refund, ""},
                {refund, refund + ", \"exchangeSku\": \"" + f.otherSku() + "\""},
                {refund, refund + ", \"exchangeSku\": \"\""},
                {refund, "\"resolution\": \"EXCHANGE\""},
                {refund, "\"resolution\": \"EXCHANGE\", \"exchangeSku\": null"},
                {refund, "\"resolution\": \"EXCHANGE\", \"exchangeSku\": \"bad sku!\""},
                {refund, "\"resolution\": \"EXCHANGE\", \"exchangeSku\": 42"},
                {refund, "\"resolution\": \"EXCHANGE\", \"exchangeSku\": [\"" + f.otherSku() + "\"]"},
                {refund, "\"resolution\": \"EXCHANGE\", \"exchangeSku\": \"" + "S".repeat(65) + "\""},
                {refund, refund + ", \"status\": \"REFUNDED\""},
                {refund, refund + ", \"returnId\": \"" + f.delivered() + "-R9\""},
                {refund, refund + ", \"label\": {\"carrier\": \"other\"}"},
        }) {
            all.add(new Request("return " + abbreviate(change[1]), "POST", returns, JSON,
                    replaceOnce(validReturn, change[0], change[1]), false, bearer).expecting(400, "VALIDATION_FAILED"));
        }
        // Well-formed, but not what this order can do. The code checks lines before stock: these are all 400.
        for (String[] change : new String[][] {
                {"\"sku\": \"" + sku + "\"", "\"sku\": \"NO-SUCH-SKU\""},
                {"\"sku\": \"" + sku + "\"", "\"sku\": \"" + f.otherSku() + "\""},
                {"[" + line + "]", "[" + line + ", " + line + "]"},
                {refund, "\"resolution\": \"EXCHANGE\", \"exchangeSku\": \"NO-SUCH-SKU\""},
                {refund, "\"resolution\": \"EXCHANGE\", \"exchangeSku\": \"" + sku + "\""},
        }) {
            all.add(new Request("return that does not fit " + abbreviate(change[1]), "POST", returns, JSON,
                    replaceOnce(validReturn, change[0], change[1]), false, bearer).expecting(400, "VALIDATION_FAILED"));
        }
        all.add(new Request("return more than is left to return", "POST", returns, JSON,
                replaceOnce(validReturn, quantity, "\"quantity\": 2"), false, bearer).expecting(409, "NOT_RETURNABLE"));
        all.add(new Request("return all three units again", "POST", returns, JSON,
                replaceOnce(validReturn, quantity, "\"quantity\": 3"), false, bearer).expecting(409, "NOT_RETURNABLE"));
        // Refused with a good Idempotency-Key: the key is not taken, so a corrected retry can still use it.
        all.add(new Request("return more than is left, with a key", "POST", returns, JSON,
                replaceOnce(validReturn, quantity, "\"quantity\": 2"), false, withKey(bearer, "aftercare-hostile-2"))
                .expecting(409, "NOT_RETURNABLE"));
        all.add(new Request("ticket LATE on a delivered order, with a key", "POST", tickets, JSON,
                "{\"type\": \"LATE\", \"message\": \"Where is it?\"}", false, withKey(bearer, "aftercare-hostile-3"))
                .expecting(409, "TICKET_NOT_ALLOWED"));
        all.add(new Request("resolve a resolved ticket, with a key", "POST", "/admin/tickets/" + f.resolvedTicket()
                + "/resolution", JSON, "{\"message\": \"A gift receipt is on its way.\"}", true,
                Map.of("Idempotency-Key", "aftercare-hostile-4")).expecting(409, "TICKET_RESOLVED"));

        // An order that was never delivered: nothing can be returned, whatever the lines say.
        String notDelivered = "/orders/" + f.notDelivered();
        Map<String, String> notDeliveredBearer = Map.of("Authorization", "Bearer " + f.notDeliveredToken());
        for (String body : List.of(validReturn, replaceOnce(validReturn, reason, "\"reason\": \"DAMAGED\""),
                replaceOnce(validReturn, refund, "\"resolution\": \"EXCHANGE\", \"exchangeSku\": \"" + f.otherSku() + "\""),
                replaceOnce(validReturn, "\"sku\": \"" + sku + "\"", "\"sku\": \"NO-SUCH-SKU\""))) {
            all.add(new Request("return of an order not delivered " + abbreviate(body), "POST", notDelivered + "/returns",
                    JSON, body, false, notDeliveredBearer).expecting(409, "NOT_RETURNABLE"));
        }
        // Problems a shopper can only report once the parcel is there, or late only after its latest day.
        for (String type : List.of("MISSING_ITEM", "DAMAGED", "LATE")) {
            all.add(new Request("ticket " + type + " on an order not delivered", "POST", notDelivered + "/tickets", JSON,
                    "{\"type\": \"" + type + "\", \"message\": \"Where is it?\"}", false, notDeliveredBearer)
                    .expecting(409, "TICKET_NOT_ALLOWED"));
        }
        all.add(new Request("ticket LATE on a delivered order", "POST", tickets, JSON,
                "{\"type\": \"LATE\", \"message\": \"Where is it?\"}", false, bearer).expecting(409, "TICKET_NOT_ALLOWED"));

        // POST …/tickets: one broken thing at a time.
        String message = "\"message\": \"Is there a gift receipt?\"";
        String other = "\"type\": \"OTHER\"";
        for (String[] change : new String[][] {
                {other, "\"type\": \"COMPLAINT\""},
                {other, "\"type\": \"other\""},
                {other, "\"type\": 5"},
                {other, "\"type\": null"},
                {other, "\"type\": [\"OTHER\"]"},
                {other + ", ", ""},
                {message, "\"message\": \"\""},
                {message, "\"message\": \"   \""},
                {message, "\"message\": \"" + "m".repeat(2001) + "\""},
                {message, "\"message\": \"" + "m".repeat(1000) + "\\u0000" + "\""},
                {message, "\"message\": \"\\u0000\""},
                {message, "\"message\": \"Bell \\u0007 ring\""},
                {message, "\"message\": \"Escape \\u001b[31m red\""},
                {message, "\"message\": \"Back\\bspace\""},
                {message, "\"message\": \"Right \\u202e to left\""},
                {message, "\"message\": null"},
                {message, "\"message\": 42"},
                {message, "\"message\": [\"x\"]"},
                {message, "\"message\": {\"text\": \"x\"}"},
                {", " + message, ""},
                {message, message + ", \"priority\": 1"},
                {message, message + ", \"status\": \"RESOLVED\""},
                {message, message + ", \"orderId\": \"" + f.notDelivered() + "\""},
                {message, message + ", \"lines\": []"},
                {message, message + ", \"lines\": {\"sku\": \"" + sku + "\", \"quantity\": 1}"},
                {message, message + ", \"lines\": [" + tooMany.toString().replace(", \"reason\": \"CHANGED_MIND\"", "") + "]"},
                {message, message + ", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 0}]"},
                {message, message + ", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 100}]"},
                {message, message + ", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": -1}]"},
                {message, message + ", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1e3}]"},
                {message, message + ", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": \"1\"}]"},
                {message, message + ", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1.5}]"},
                {message, message + ", \"lines\": [{\"sku\": \"" + sku + "\"}]"},
                {message, message + ", \"lines\": [{\"quantity\": 1}]"},
                {message, message + ", \"lines\": [{\"sku\": \"bad sku!\", \"quantity\": 1}]"},
                {message, message + ", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1, \"reason\": \"DAMAGED\"}]"},
                {message, message + ", \"lines\": [null]"},
                // Well-formed lines that are not this order's: the code answers 400 for them too.
                {message, message + ", \"lines\": [{\"sku\": \"NO-SUCH-SKU\", \"quantity\": 1}]"},
                {message, message + ", \"lines\": [{\"sku\": \"" + f.otherSku() + "\", \"quantity\": 1}]"},
                {message, message + ", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 4}]"},
        }) {
            all.add(new Request("ticket " + abbreviate(change[1]), "POST", tickets, JSON,
                    replaceOnce(validTicket, change[0], change[1]), false, bearer).expecting(400, "VALIDATION_FAILED"));
        }

        // The order token on the shopper's aftercare routes: wrong, missing or garbage is 404, with a valid body.
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("empty bearer", "Bearer");
        tokens.put("bearer and spaces", "Bearer    ");
        tokens.put("garbage bearer", "Bearer garbage");
        tokens.put("token with one more character", "Bearer " + f.deliveredToken() + "x");
        tokens.put("token without its last character", "Bearer " + f.deliveredToken().substring(0,
                f.deliveredToken().length() - 1));
        tokens.put("another order's token", "Bearer " + f.notDeliveredToken());
        tokens.put("the admin token", "Bearer " + f.adminToken());
        tokens.put("a label token", "Bearer " + f.returnToken());
        tokens.put("basic credentials", "Basic " + Base64.getEncoder().encodeToString(
                "admin:admin".getBytes(StandardCharsets.UTF_8)));
        tokens.put("token without scheme", f.deliveredToken());
        tokens.put("oversized token", "Bearer " + "A".repeat(4000));
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            Map<String, String> auth = t.getValue() == null ? Map.of() : Map.of("Authorization", t.getValue());
            all.add(new Request("return, " + t.getKey(), "POST", returns, JSON, validReturn, false, auth)
                    .expecting(404, "NOT_FOUND"));
            all.add(new Request("ticket, " + t.getKey(), "POST", tickets, JSON, validTicket, false, auth)
                    .expecting(404, "NOT_FOUND"));
        }
        all.add(new Request("return with the order's token in the query", "POST", returns + "?token=" + f.deliveredToken(),
                JSON, validReturn, false).expecting(404, "NOT_FOUND"));
        all.add(new Request("ticket with the token as a cookie", "POST", tickets, JSON, validTicket, false,
                Map.of("Cookie", "token=" + f.deliveredToken())).expecting(404, "NOT_FOUND"));
        // The delivered order's token on another order, and on ids derived from its own.
        all.add(new Request("return on another order with this token", "POST", notDelivered + "/returns", JSON, validReturn,
                false, bearer).expecting(404, "NOT_FOUND"));
        all.add(new Request("ticket on another order with this token", "POST", notDelivered + "/tickets", JSON, validTicket,
                false, bearer).expecting(404, "NOT_FOUND"));
        for (String id : List.of(f.delivered() + "-R1", f.delivered() + "-T1", f.delivered() + "-X9", f.delivered() + "x",
                "NO-SUCH-ORDER")) {
            all.add(new Request("return on order " + id, "POST", "/orders/" + id + "/returns", JSON, validReturn, false,
                    bearer).expecting(404, "NOT_FOUND"));
            all.add(new Request("ticket on order " + id, "POST", "/orders/" + id + "/tickets", JSON, validTicket, false,
                    bearer).expecting(404, "NOT_FOUND"));
        }
        for (String id : List.of("O".repeat(65), "9".repeat(2000), "..", "..%2F..%2Fadmin%2Ftickets", "%2e%2e%2fadmin",
                f.delivered() + "%00", f.delivered() + "%0d%0aX-Injected:%20yes", "%C3%A9", "-" + f.delivered())) {
            all.add(new Request("return with order id " + abbreviate(id), "POST", "/orders/" + id + "/returns", JSON,
                    validReturn, false, bearer));
            all.add(new Request("ticket with order id " + abbreviate(id), "POST", "/orders/" + id + "/tickets", JSON,
                    validTicket, false, bearer));
        }
        all.add(new Request("GET the returns route", "GET", returns, null, null, false, bearer));
        all.add(new Request("DELETE the tickets route", "DELETE", tickets, null, null, false, bearer));
        all.add(new Request("PUT a return", "PUT", returns + "/" + f.returnId(), JSON, validReturn, false, bearer));

        // The merchant's ticket routes without the admin token: 401.
        for (String[] route : new String[][] {{"GET", "/admin/tickets"}, {"GET", "/admin/tickets?status=OPEN"},
                {"POST", resolution}}) {
            String body = route[0].equals("GET") ? null : validResolution;
            String type = body == null ? null : JSON;
            all.add(new Request(route[0] + " " + route[1] + " without the admin token", route[0], route[1], type, body,
                    false).expecting(401));
            all.add(new Request(route[0] + " " + route[1] + " with the order's token", route[0], route[1], type, body,
                    false, bearer).expecting(401));
            all.add(new Request(route[0] + " " + route[1] + " with a wrong admin token", route[0], route[1], type, body,
                    false, Map.of("Authorization", "Bearer " + f.adminToken() + "x")).expecting(401));
            all.add(new Request(route[0] + " " + route[1] + " with the admin token without scheme", route[0], route[1],
                    type, body, false, Map.of("Authorization", f.adminToken())).expecting(401));
            all.add(new Request(route[0] + " " + route[1] + " with the admin token in the query", route[0],
                    route[1] + (route[1].contains("?") ? "&" : "?") + "token=" + f.adminToken(), type, body, false)
                    .expecting(401));
        }

        // GET /admin/tickets: bad status, limit and cursor values, and cursors of another list.
        for (String query : List.of("?status=BOGUS", "?status=open", "?status=OPEN,RESOLVED",
                "?status=OPEN%00", "?limit=0", "?limit=101", "?limit=abc", "?limit=-1", "?limit=1.5", "?limit=1e2",
                "?limit=99999999999", "?limit=", "?status=OPEN&limit=0", "?cursor=garbage", "?cursor=" + "A".repeat(300),
                "?cursor=eyJwb3MiOjN9", "?cursor=%00%01", "?cursor=" + f.ticketsCursor() + "x",
                "?cursor=" + f.ticketsCursor().substring(0, f.ticketsCursor().length() - 2),
                "?cursor=" + f.ordersCursor(), "?status=RESOLVED&cursor=" + f.ordersCursor(),
                "?status=RESOLVED&cursor=" + f.ticketsCursor(), "?sort=desc",
                "?email=a@example.com", "?orderId=" + f.delivered())) {
            all.add(new Request("admin tickets " + abbreviate(query), "GET", "/admin/tickets" + query, null, null, true)
                    .expecting(400));
        }
        // A ticket cursor is not one of the orders list either.
        all.add(new Request("admin orders with a ticket cursor", "GET", "/admin/orders?status=DELIVERED&cursor="
                + f.ticketsCursor(), null, null, true).expecting(400, "INVALID_CURSOR"));
        all.add(new Request("admin orders with another status's cursor", "GET", "/admin/orders?status=CONFIRMED&cursor="
                + f.ordersCursor(), null, null, true).expecting(400, "INVALID_CURSOR"));
        all.add(new Request("admin orders by e-mail with a status cursor", "GET",
                "/admin/orders?email=delivered.order@example.com&cursor=" + f.ordersCursor(), null, null, true)
                .expecting(400, "INVALID_CURSOR"));

        // POST /admin/tickets/{ticketId}/resolution: bodies, unknown and malformed ids, a resolved ticket.
        for (String body : List.of("{}", "{\"message\": \"\"}", "{\"message\": \"  \"}",
                "{\"message\": \"" + "m".repeat(2001) + "\"}", "{\"message\": \"Done\\u0000\"}",
                "{\"message\": \"\\u0000\"}", "{\"message\": \"Bell \\u0007\"}", "{\"message\": \"Esc \\u001b[2J\"}",
                "{\"message\": null}", "{\"message\": 42}", "{\"message\": [\"Done\"]}", "{\"message\": true}",
                "{\"message\": \"Done\", \"status\": \"OPEN\"}", "{\"message\": \"Done\", \"priority\": 1}",
                "{\"message\": \"Done\", \"ticketId\": \"" + f.resolvedTicket() + "\"}",
                "{\"message\": \"Done\", \"refund\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}}",
                "{\"text\": \"Done\"}")) {
            all.add(new Request("resolution " + abbreviate(body), "POST", resolution, JSON, body, true)
                    .expecting(400, "VALIDATION_FAILED"));
        }
        all.add(new Request("resolve a resolved ticket", "POST", "/admin/tickets/" + f.resolvedTicket() + "/resolution",
                JSON, validResolution, true).expecting(409, "TICKET_RESOLVED"));
        for (String id : List.of(f.delivered() + "-T99", f.delivered() + "-T0", "NO-SUCH-ORDER-T1", f.returnId(),
                f.delivered() + "-X1", f.delivered(), f.notDelivered() + "-T1", "nonsense", "T1",
                f.delivered() + "-T", f.delivered() + "-T1x", f.delivered() + "-t1")) {
            all.add(new Request("resolve unknown ticket " + id, "POST", "/admin/tickets/" + id + "/resolution", JSON,
                    validResolution, true).expecting(404, "NOT_FOUND"));
        }
        for (String id : List.of("-T1", "T".repeat(65), "9".repeat(2000), "bad%20id", f.openTicket() + "%00", "%C3%A9",
                f.openTicket() + "%0d%0aX-Injected:%20yes", "%27%20OR%20%271%27%3D%271", "..%2F" + f.openTicket())) {
            all.add(new Request("resolve malformed ticket id " + abbreviate(id), "POST", "/admin/tickets/" + id
                    + "/resolution", JSON, validResolution, true));
        }
        all.add(new Request("GET a ticket's resolution", "GET", resolution, null, null, true));
        all.add(new Request("DELETE a ticket", "DELETE", "/admin/tickets/" + f.openTicket(), null, null, true));
        all.add(new Request("resolve through path traversal", "POST", "/admin/tickets/../tickets/" + f.openTicket()
                + "/resolution", JSON, "{}", true));

        // GET /returns/{returnId}/label: anything but this return's genuine token is 404, never a PDF.
        String label = "/returns/" + f.returnId() + "/label";
        String token = f.returnToken();
        for (String[] q : new String[][] {
                {"no query", ""},
                {"no token", "?lang=cs"},
                {"empty token", "?token="},
                {"garbage token", "?token=garbage"},
                {"truncated token", "?token=" + token.substring(0, token.length() - 3)},
                {"token cut in half", "?token=" + token.substring(0, token.length() / 2)},
                {"token with one more character", "?token=" + token + "x"},
                {"token with its last character changed", "?token=" + token.substring(0, token.length() - 1)
                        + (token.endsWith("A") ? "B" : "A")},
                {"token whose last character differs only in bits base64 does not use", "?token="
                        + token.substring(0, token.length() - 1) + unusedBitsTwin(token.charAt(token.length() - 1))},
                {"token in another case", "?token=" + (token.equals(token.toUpperCase()) ? token.toLowerCase()
                        : token.toUpperCase())},
                {"the other return's token", "?token=" + f.otherReturnToken()},
                {"the order's access token", "?token=" + f.deliveredToken()},
                {"the admin token", "?token=" + f.adminToken()},
                {"oversized token", "?token=" + "A".repeat(4000)},
                {"token with a NUL", "?token=" + token + "%00"},
                {"token twice, the first garbage", "?token=garbage&token=" + token},
                {"token as an array", "?token[]=" + token},
                {"token under another name", "?t=" + token},
        }) {
            all.add(new Request("label, " + q[0], "GET", label + q[1], null, null, false).expecting(404, "NOT_FOUND"));
        }
        all.add(new Request("label, token as a bearer header", "GET", label, null, null, false,
                Map.of("Authorization", "Bearer " + token)).expecting(404, "NOT_FOUND"));
        all.add(new Request("label, the admin token as a header", "GET", label, null, null, true)
                .expecting(404, "NOT_FOUND"));
        all.add(new Request("label of the other return with this token", "GET", "/returns/" + f.otherReturnId()
                + "/label?token=" + token, null, null, false).expecting(404, "NOT_FOUND"));
        for (String id : List.of(f.delivered(), f.delivered() + "-R9", f.delivered() + "-R0", f.openTicket(),
                f.delivered() + "-X1", "NO-SUCH-ORDER-R1", f.returnId() + "0", f.returnId().toLowerCase(), "R1",
                "O".repeat(65), "9".repeat(2000), "..", "..%2F..%2Fadmin%2Ftickets", "%2e%2e%2fadmin",
                f.returnId() + "%2F..", "%C3%A9", "%27%20OR%20%271%27%3D%271", "bad%20id", "-" + f.returnId())) {
            all.add(new Request("label of return id " + abbreviate(id), "GET", "/returns/" + id + "/label?token=" + token,
                    null, null, false).expecting(404, "NOT_FOUND"));
        }
        // Paths the local gateway refuses as HTTP before any route (400 MALFORMED_REQUEST): any 4xx, never a PDF.
        for (String id : List.of("%2E%2E", f.returnId() + "%00", "..%5C..%5Cetc%5Cpasswd",
                f.returnId() + "%0d%0aX-Injected:%20yes")) {
            all.add(new Request("label of return id " + abbreviate(id), "GET", "/returns/" + id + "/label?token=" + token,
                    null, null, false));
        }
        all.add(new Request("label through path traversal", "GET", "/returns/../returns/" + f.returnId() + "/label?token="
                + "garbage", null, null, false));
        all.add(new Request("label with POST", "POST", label + "?token=" + token, JSON, "{}", false));
        all.add(new Request("label with DELETE", "DELETE", label + "?token=" + token, null, null, false));
        all.add(new Request("label sub-path", "GET", label + "/pdf?token=" + token, null, null, false));
        return all;
    }

    /**
     * The base64url character whose lowest bit is flipped: at the end of an unpadded 32-byte signature
     * that bit carries no data, so a lenient decoder reads the same bytes.
     */
    private static char unusedBitsTwin(char last) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(last) ^ 1);
    }

    private static Map<String, String> withKey(Map<String, String> headers, String key) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Idempotency-Key", key);
        return all;
    }

    private static String abbreviate(String text) {
        return text.length() > 90 ? text.substring(0, 90) + "…" : text;
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException("fixture does not contain " + from);
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
