package io.shopcare.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shopcare.http.ApiException;
import io.shopcare.http.JsonInput;
import io.shopcare.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request validation: every problem listed with its path, unknown fields refused. */
class ValidationTest {

    @Test
    void everyProblemOfAProductIsListedWithItsPath() {
        ApiException e = assertThrows(ApiException.class, () -> Product.fromRequest("p", JsonInput.of(Json.parseObject("""
                {"name": "", "categoryIds": ["ok", "not ok"], "price": {"amount": 49.9, "currency": "EUR"},
                 "variants": [{"sku": "A", "size": "M", "stock": 3}, {"sku": "A"}], "status": "ACTIVE"}"""))));
        assertEquals(400, e.status());
        assertEquals(List.of("status", "name", "categoryIds[1]", "price.amount", "variants[0].stock", "variants[1].sku"),
                e.details().stream().map(ApiException.Detail::field).toList());
    }

    @Test
    void moneyKeepsTheCurrencysDecimalPlaces() {
        Product product = Product.fromRequest("p", JsonInput.of(Json.parseObject("""
                {"name": "Boot", "categoryIds": ["shoes"], "price": {"amount": "49.9", "currency": "EUR"},
                 "variants": [{"sku": "B-1", "price": {"amount": "1200", "currency": "EUR"}}]}""")));
        assertEquals("49.90", product.price().toJson().get("amount"));
        assertEquals(Product.DEFAULT_LOW_STOCK_THRESHOLD, product.lowStockThreshold());
        ApiException yen = assertThrows(ApiException.class, () -> Product.fromRequest("p", JsonInput.of(Json.parseObject("""
                {"name": "Boot", "categoryIds": ["shoes"], "price": {"amount": "49.90", "currency": "JPY"},
                 "variants": [{"sku": "B-1"}]}"""))));
        assertEquals("price.amount", yen.details().get(0).field());
    }

    @Test
    void aLocationNeedsRealTimesZoneAndCountry() {
        ApiException e = assertThrows(ApiException.class, () -> Location.fromRequest("l", JsonInput.of(Json.parseObject("""
                {"type": "STORE", "name": "S", "address": {"street": "a", "city": "b", "postcode": "c", "country": "XX"},
                 "phone": "+420 123 456", "timezone": "Mars/Base", "openingHours": [{"day": "MON", "opens": "18:00",
                 "closes": "09:00"}], "shipsOnline": false, "pickup": "yes", "processingDays": 31}"""))));
        assertEquals(List.of("address.country", "timezone", "openingHours[0].closes", "pickup", "processingDays"),
                e.details().stream().map(ApiException.Detail::field).toList());
    }
}
