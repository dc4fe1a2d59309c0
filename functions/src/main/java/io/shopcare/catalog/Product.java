package io.shopcare.catalog;

import io.shopcare.http.JsonInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Validates a PUT body; throws 400 listing every problem. */
    public static Product fromRequest(String productId, JsonInput body) {
        body.allowOnly("name", "description", "categoryIds", "position", "attributes", "price", "lowStockThreshold",
                "variants");
        String name = body.requiredString("name", 1, 200);
        String description = body.optionalText("description", 0, 5000);
        List<String> categoryIds = body.requiredStrings("categoryIds", 1, 10,
                id -> id.matches(ID) ? null : "must be 1-64 letters, digits, '.', '_' or '-'");
        Integer position = body.optionalInt("position", 0, 1_000_000);
        Map<String, String> attributes = body.optionalStringMap("attributes", 20, 200);
        Money price = Money.read(body.requiredObject("price"));
        Integer threshold = body.optionalInt("lowStockThreshold", 0, 1000);
        List<Variant> variants = new ArrayList<>();
        List<JsonInput> variantInputs = body.requiredObjects("variants", 1, MAX_VARIANTS);
        Set<String> skus = new HashSet<>();
        if (variantInputs != null) {
            for (JsonInput input : variantInputs) {
                Variant variant = readVariant(input, price);
                if (variant != null && !skus.add(variant.sku())) {
                    input.problem("sku", "is used by another variant of this product");
                } else if (variant != null) {
                    variants.add(variant);
                }
            }
        }
        body.validate();
        return new Product(productId, name, description, List.copyOf(new java.util.LinkedHashSet<>(categoryIds)),
                position, attributes == null ? Map.of() : Map.copyOf(attributes), price,
                threshold == null ? DEFAULT_LOW_STOCK_THRESHOLD : threshold, List.copyOf(variants));
    }

    private static Variant readVariant(JsonInput input, Money productPrice) {
        input.allowOnly("sku", "size", "colour", "price", "preorder");
        String sku = input.requiredMatching("sku", ID, "must be 1-64 letters, digits, '.', '_' or '-'");
        String size = input.optionalString("size", 1, 20);
        String colour = input.optionalString("colour", 1, 40);
        Money price = Money.read(input.optionalObject("price"));
        if (price != null && productPrice != null && !price.currency().equals(productPrice.currency())) {
            input.problem("price", "must be in the product's currency " + productPrice.currency());
        }
        Preorder preorder = null;
        JsonInput preorderInput = input.optionalObject("preorder");
        if (preorderInput != null) {
            preorderInput.allowOnly("expectedDate", "limit");
            String date = preorderInput.requiredMatching("expectedDate", "[0-9]{4}-[0-9]{2}-[0-9]{2}", "must be a date YYYY-MM-DD");
            if (date != null) {
                try {
                    LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    preorderInput.problem("expectedDate", "must be a date YYYY-MM-DD");
                    date = null;
                }
            }
            Integer limit = preorderInput.requiredInt("limit", 1, 100_000);
            preorder = date == null || limit == null ? null : new Preorder(date, limit);
        }
        return sku == null ? null : new Variant(sku, size, colour, price, preorder);
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
