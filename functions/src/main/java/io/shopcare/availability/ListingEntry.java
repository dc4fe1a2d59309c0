package io.shopcare.availability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One product as a category listing sees it: the item shown to shoppers plus what sorting,
 * filtering, facets and alternatives need. Stored once per category the product is in.
 */
public record ListingEntry(Map<String, Object> item, int group, Integer position, String name,
                           List<Option> buyableOptions, Map<String, String> attributes, String primaryCategory,
                           boolean needsAlternatives) {

    /** A buyable (size, colour) combination; either may be null. */
    public record Option(String size, String colour) {
    }

    /** Listing order: available, pre-order, sold out; then position (absent last), name, id. */
    public static final Comparator<ListingEntry> ORDER = Comparator.comparingInt(ListingEntry::group)
            .thenComparingLong(e -> e.position() == null ? Long.MAX_VALUE : e.position())
            .thenComparing(ListingEntry::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ListingEntry::productId);

    public String productId() {
        return (String) item.get("productId");
    }

    public boolean buyable() {
        return !buyableOptions.isEmpty();
    }

    /** True when some buyable variant matches both filters (null = any). */
    public boolean matches(String size, String colour) {
        return buyableOptions.stream().anyMatch(o -> (size == null || size.equals(o.size()))
                && (colour == null || colour.equals(o.colour())));
    }

    /** The position of this entry in listing order, as stored in a cursor. */
    public List<Object> sortKey() {
        List<Object> key = new ArrayList<>();
        key.add(group);
        key.add(position == null ? Long.MAX_VALUE : position.longValue());
        key.add(name);
        key.add(productId());
        return key;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item", item);
        json.put("group", group);
        json.put("position", position);
        json.put("name", name);
        List<Map<String, Object>> options = new ArrayList<>();
        for (Option option : buyableOptions) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("size", option.size());
            o.put("colour", option.colour());
            options.add(o);
        }
        json.put("buyable", options);
        json.put("attributes", attributes);
        json.put("primaryCategory", primaryCategory);
        json.put("needsAlternatives", needsAlternatives);
        return json;
    }

    @SuppressWarnings("unchecked")
    public static ListingEntry fromJson(Map<String, Object> json) {
        List<Option> options = new ArrayList<>();
        for (Object o : (List<Object>) json.get("buyable")) {
            Map<String, Object> option = (Map<String, Object>) o;
            options.add(new Option((String) option.get("size"), (String) option.get("colour")));
        }
        Object position = json.get("position");
        return new ListingEntry((Map<String, Object>) json.get("item"), ((Number) json.get("group")).intValue(),
                position == null ? null : ((Number) position).intValue(), (String) json.get("name"),
                List.copyOf(options), (Map<String, String>) json.getOrDefault("attributes", Map.of()),
                (String) json.get("primaryCategory"), (Boolean) json.get("needsAlternatives"));
    }
}
