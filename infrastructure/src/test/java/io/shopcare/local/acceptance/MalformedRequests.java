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

    /** {@code expect}: the one status the request must get, or 0 for any 4xx. */
    record Request(String name, String method, String path, String contentType, String body,
                   boolean withAdminToken, Map<String, String> headers, int expect) {
        Request(String name, String method, String path, String contentType, String body, boolean withAdminToken,
                Map<String, String> headers) {
            this(name, method, path, contentType, body, withAdminToken, headers, 0);
        }

        Request(String name, String method, String path, String contentType, String body, boolean withAdminToken) {
            this(name, method, path, contentType, body, withAdminToken, Map.of());
        }

        Request expecting(int status) {
            return new Request(name, method, path, contentType, body, withAdminToken, headers, status);
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
                "{\"type\": \"RETURN_RECEIVED\"}", "{\"type\": \"REFUNDED\", \"amount\": \"1.00\"}")) {
            all.add(new Request("event that does not fit " + body, "POST", events, JSON, body, true).expecting(409));
        }
        return all;
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
