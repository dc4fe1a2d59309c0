package io.shopcare.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A product with its variants (SKUs), as the merchant pushes it. */
public record Product(String productId, String name, String description, List<String> categoryIds, Integer position,
                      Map<String, String> attributes, Money price, int lowStockThreshold, List<Variant> variants) {

    public static final int DEFAULT_LOW_STOCK_THRESHOLD = 5;
    public static final int MAX_VARIANTS = 50;
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public record Preorder(String expectedDate, int limit) {
    }

    public record Variant(String sku, String size, String colour, Money price, Preorder preorder) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sku", sku);
            json.put("size", size);
            json.put("colour", colour);
            json.put("price", price == null ? null : price.toJson());
            if (preorder != null) {
                json.put("preorder", Map.of("expectedDate", preorder.expectedDate(), "limit", preorder.limit()));
            }
            return json;
        }
    }

    public List<String> skus() {
        return variants.stream().map(Variant::sku).toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("productId", productId);
        json.put("name", name);
        json.put("description", description);
        json.put("categoryIds", categoryIds);
        json.put("position", position);
        json.put("attributes", attributes);
        json.put("price", price.toJson());
        json.put("lowStockThreshold", lowStockThreshold);
        json.put("variants", variants.stream().map(Variant::toJson).toList());
        return json;
    }

    /** Reads the stored JSON form back (see {@link #toJson()}). */
    @SuppressWarnings("unchecked")
    public static Product fromJson(Map<?, ?> json) {
        List<Variant> variants = new ArrayList<>();
        for (Object entry : (List<?>) json.get("variants")) {
            Map<?, ?> v = (Map<?, ?>) entry;
            Map<?, ?> preorder = (Map<?, ?>) v.get("preorder");
            variants.add(new Variant((String) v.get("sku"), (String) v.get("size"), (String) v.get("colour"),
                    v.get("price") == null ? null : Money.fromJson((Map<?, ?>) v.get("price")),
                    preorder == null ? null : new Preorder((String) preorder.get("expectedDate"),
                            ((Number) preorder.get("limit")).intValue())));
        }
        Object attributes = json.get("attributes");
        return new Product((String) json.get("productId"), (String) json.get("name"), (String) json.get("description"),
                List.copyOf((List<String>) json.get("categoryIds")),
                json.get("position") == null ? null : ((Number) json.get("position")).intValue(),
                attributes == null ? Map.of() : Map.copyOf((Map<String, String>) attributes),
                Money.fromJson((Map<?, ?>) json.get("price")), ((Number) json.get("lowStockThreshold")).intValue(),
                List.copyOf(variants));
    }
}
