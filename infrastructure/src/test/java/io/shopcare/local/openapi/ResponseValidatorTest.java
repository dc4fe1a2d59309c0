package io.shopcare.local.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Carrier;
import io.shopcare.catalog.Location;
import io.shopcare.catalog.Product;
import io.shopcare.catalog.aws.CatalogRequests;
import io.shopcare.http.JsonInput;
import io.shopcare.json.Json;
import io.shopcare.local.acceptance.Fixtures;
import io.shopcare.stock.StockLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validator that StackClient runs on every answer: the code's real replies pass, and each
 * kind of drift (extra field, wrong type, missing field, undocumented status or media type,
 * broken error shape, unknown route answered otherwise than the $default route) is caught.
 */
class ResponseValidatorTest {
    private static final String JSON = "application/json; charset=utf-8";
    private final ResponseValidator validator = ResponseValidator.forProject();

    @Test
    void theLocationAndProductRepliesOfTheCodeValidate() {
        Location location = CatalogRequests.location("brno-store",
                JsonInput.of(Json.parseObject(Fixtures.location("STORE", "Brno store", false))));
        assertEquals(List.of(), problems("PUT", "/admin/locations/brno-store", 200, Json.write(location.toJson())));

        Product product = CatalogRequests.product("parka", JsonInput.of(Json.parseObject(
                Fixtures.product("Parka", "jackets", 1, "Alpine", "PARKA-S", "PARKA-M"))));
        assertEquals(List.of(), problems("PUT", "/admin/products/parka", 200, Json.write(product.toJson())));

        Carrier carrier = CatalogRequests.carrier("courier", JsonInput.of(Json.parseObject(Fixtures.carrier("Courier"))));
        assertEquals(List.of(), problems("PUT", "/admin/carriers/courier", 200, Json.write(carrier.toJson())));

        StockLevel level = new StockLevel("PARKA-S", "central", 7, 2);
        assertEquals(List.of(), problems("POST", "/admin/stock/PARKA-S/central/adjustments", 200,
                Json.write(level.toJson())));
    }

    @Test
    void anExtraFieldInAReplyIsCaught() {
        Map<String, Object> level = new java.util.LinkedHashMap<>(new StockLevel("S-1", "central", 7, 0).toJson());
        level.put("version", 3);
        List<String> problems = problems("PUT", "/admin/stock/S-1/central", 200, Json.write(level));
        assertTrue(problems.stream().anyMatch(p -> p.contains("version")), problems.toString());
    }

    @Test
    void aWrongTypeAndAMissingFieldAreCaught() {
        List<String> wrongType = problems("GET", "/skus/S-1/stores", 200, """
                {"items": [{"locationId": "brno", "name": "Brno", "address": {"street": "A 1", "city": "Brno",
                 "postcode": "602 00", "country": "CZ"}, "phone": "+420 1", "openingHours": [],
                 "availability": "IN_STOCK", "unitsLeft": "3"}]}""");
        assertTrue(wrongType.stream().anyMatch(p -> p.contains("unitsLeft")), wrongType.toString());

        List<String> missing = problems("POST", "/alerts/unsubscribe?token=t", 200, "{}");
        assertTrue(missing.stream().anyMatch(p -> p.contains("status")), missing.toString());
    }

    @Test
    void aCarrierReplyThatDriftsFromTheDocumentIsCaught() {
        Carrier carrier = CatalogRequests.carrier("courier", JsonInput.of(Json.parseObject(Fixtures.carrier("Courier"))));
        Map<String, Object> noPlaceholder = new java.util.LinkedHashMap<>(carrier.toJson());
        noPlaceholder.put("trackingUrl", "https://track.example.com/parcel/");
        List<String> problems = problems("PUT", "/admin/carriers/courier", 200, Json.write(noPlaceholder));
        assertTrue(problems.stream().anyMatch(p -> p.contains("trackingUrl")), problems.toString());

        Map<String, Object> unknownMethod = new java.util.LinkedHashMap<>(carrier.toJson());
        unknownMethod.put("methods", List.of("HOME", "STORE"));
        unknownMethod.put("active", true);
        problems = problems("PUT", "/admin/carriers/courier", 200, Json.write(unknownMethod));
        assertTrue(problems.stream().anyMatch(p -> p.contains("methods")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("active")), problems.toString());
    }

    @Test
    void formatsAndTheTextRuleForNamesAreAsserted() {
        String preorder = """
                {"items": [{"productId": "p", "name": "P", "price": {"amount": "1.00", "currency": "EUR"},
                 "availability": "PREORDER", "preorder": {"expectedDate": "%s", "remaining": 3}}],
                 "facets": {"size": [], "colour": []}}""";
        assertEquals(List.of(), problems("GET", "/categories/c/products", 200, preorder.formatted("2027-02-01")));
        List<String> badDate = problems("GET", "/categories/c/products", 200, preorder.formatted("2027-13-45"));
        assertTrue(badDate.stream().anyMatch(p -> p.contains("expectedDate")), badDate.toString());

        Location location = CatalogRequests.location("brno-store",
                JsonInput.of(Json.parseObject(Fixtures.location("STORE", "Brno store", false))));
        Map<String, Object> reply = new java.util.LinkedHashMap<>(location.toJson());
        reply.put("name", "Brno \u202Eerots");
        List<String> bidi = problems("PUT", "/admin/locations/brno-store", 200, Json.write(reply));
        assertTrue(bidi.stream().anyMatch(p -> p.contains("name")), bidi.toString());
    }

    @Test
    void theContractsAvailabilityRulesAreChecked() {
        String lowStockWithoutUnits = """
                {"items": [{"productId": "p", "name": "P", "price": {"amount": "1.00", "currency": "EUR"},
                 "availability": "LOW_STOCK"}], "facets": {"size": [], "colour": []}}""";
        assertTrue(!problems("GET", "/categories/c/products", 200, lowStockWithoutUnits).isEmpty(),
                "LOW_STOCK must carry unitsLeft");
        String soldOutWithoutAlternatives = """
                {"productId": "p", "name": "P", "description": "", "price": {"amount": "1.00", "currency": "EUR"},
                 "availability": "SOLD_OUT", "variants": [{"sku": "P-1", "availability": "SOLD_OUT"}],
                 "options": {"size": [], "colour": []}}""";
        assertTrue(!problems("GET", "/products/p", 200, soldOutWithoutAlternatives).isEmpty(),
                "a product that is not buyable must carry alternatives");
        String withAlternatives = soldOutWithoutAlternatives.replace("\"options\"", "\"alternatives\": [], \"options\"");
        assertEquals(List.of(), problems("GET", "/products/p", 200, withAlternatives));
    }

    @Test
    void anUndocumentedStatusIsCaught() {
        List<String> problems = problems("GET", "/products/p", 409,
                "{\"error\": {\"code\": \"CONFLICT\", \"message\": \"no\"}}");
        assertEquals(List.of("status 409 is not documented for GET /products/{productId} (documented: 200, 400, 404, 429)"),
                problems);
        assertTrue(!problems("GET", "/products/p", 500,
                "{\"error\": {\"code\": \"INTERNAL_ERROR\", \"message\": \"logged\"}}").isEmpty(), "a 5xx is a bug");
    }

    @Test
    void aWrongMediaTypeOrABrokenBodyIsCaught() {
        String level = Json.write(new StockLevel("S-1", "central", 7, 0).toJson());
        assertTrue(validator.problems(new ResponseValidator.Exchange("PUT", "/admin/stock/S-1/central", Map.of(), 200,
                "text/plain", level)).get(0).contains("Content-Type 'text/plain' is not documented"));
        assertTrue(problems("PUT", "/admin/stock/S-1/central", 200, level + "{}").get(0).startsWith("the body is not one"),
                "trailing content");
        assertTrue(problems("PUT", "/admin/stock/S-1/central", 200, "{\"sku\": \"a\", \"sku\": \"b\"}").get(0)
                .startsWith("the body is not one"), "duplicate keys");
    }

    @Test
    void errorsMustHaveTheContractsShapeAndADocumentedCode() {
        assertEquals(List.of(), problems("PUT", "/admin/products/p", 400, """
                {"error": {"code": "VALIDATION_FAILED", "message": "The request is not valid.",
                 "details": [{"field": "name", "problem": "is required"}]}}"""));
        assertTrue(!problems("PUT", "/admin/products/p", 400,
                "{\"error\": {\"code\": \"VALIDATION_FAILED\", \"message\": \"no details\"}}").isEmpty(),
                "VALIDATION_FAILED lists its details");
        assertTrue(!problems("GET", "/products/p", 404, "{\"message\": \"Not Found\"}").isEmpty(),
                "API Gateway's own body is not the contract's 404");
        assertTrue(!problems("GET", "/products/p", 404, "{\"error\": {\"code\": \"GONE\", \"message\": \"x\"}}").isEmpty(),
                "a 404 says NOT_FOUND");
        assertEquals(List.of(), problems("GET", "/products/p", 429, "{\"message\": \"Too Many Requests\"}"),
                "API Gateway's throttling body is documented");
    }

    @Test
    void requestsNoOperationTakesGetTheDefaultRoutes404() {
        String notFound = "{\"error\": {\"code\": \"NOT_FOUND\", \"message\": \"There is no DELETE route for this path.\"}}";
        assertEquals(List.of(), problems("DELETE", "/products/p", 404, notFound));
        assertEquals(List.of(), problems("GET", "/no/such/route", 404, notFound));
        assertEquals(List.of(), problems("GET", "/", 404, notFound));
        assertTrue(problems("GET", "/no/such/route", 200, "{}").get(0).startsWith("status 200 is not documented for x-default-route"));
        assertTrue(!problems("GET", "/no/such/route", 404, "{\"message\": \"Not Found\"}").isEmpty());
    }

    @Test
    void aCorsPreflightIsA204WithoutBody() {
        Map<String, String> preflight = Map.of("Origin", "https://shop.example.com", "Access-Control-Request-Method", "POST");
        assertEquals(List.of(), validator.problems(new ResponseValidator.Exchange("OPTIONS", "/skus/S-1/alerts", preflight,
                204, "", "")));
        assertTrue(!validator.problems(new ResponseValidator.Exchange("OPTIONS", "/skus/S-1/alerts", preflight,
                200, JSON, "{}")).isEmpty());
    }

    @Test
    void checkFailsTheTestWithTheRequestTheAnswerAndEachProblem() {
        AssertionError error = assertThrows(AssertionError.class, () -> validator.check(new ResponseValidator.Exchange(
                "GET", "/products/p?x=1", Map.of(), 200, JSON, "{\"productId\": 7}")));
        String message = error.getMessage();
        assertTrue(message.startsWith("GET /products/p?x=1 was answered 200 " + JSON + ", which openapi.yaml does not allow:"),
                message);
        assertTrue(message.contains("productId") && message.contains("body: {\"productId\": 7}"), message);
    }

    private List<String> problems(String method, String target, int status, String body) {
        return validator.problems(new ResponseValidator.Exchange(method, target, Map.of(), status, JSON, body));
    }
}
