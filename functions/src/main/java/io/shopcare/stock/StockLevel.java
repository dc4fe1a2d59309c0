package io.shopcare.stock;

import java.util.LinkedHashMap;
import java.util.Map;

/** On-hand and reserved units of one SKU at one location. */
public record StockLevel(String sku, String locationId, long onHand, long reserved) {

    public long available() {
        return Math.max(0, onHand - reserved);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sku", sku);
        json.put("locationId", locationId);
        json.put("onHand", onHand);
        json.put("reserved", reserved);
        json.put("available", available());
        return json;
    }

    public static StockLevel fromJson(Map<?, ?> json) {
        return new StockLevel((String) json.get("sku"), (String) json.get("locationId"),
                ((Number) json.get("onHand")).longValue(), ((Number) json.get("reserved")).longValue());
    }
}
