package io.shopcare.availability;

import static io.shopcare.availability.CategoryListingTest.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlternativesTest {
    private static final List<ListingEntry.Option> BUYABLE = List.of(new ListingEntry.Option("M", null));

    @Test
    void mostSharedAttributesFirstOnlyBuyableAtMostFourNeverItself() {
        ListingEntry soldOut = entry("target", 2, 1, "Target", List.of(), Map.of("brand", "A", "material", "down", "fit", "slim"));
        List<ListingEntry> candidates = List.of(soldOut,
                entry("one-shared", 0, 1, "One", BUYABLE, Map.of("brand", "A")),
                entry("three-shared", 0, 9, "Three", BUYABLE, Map.of("brand", "A", "material", "down", "fit", "slim")),
                entry("sold-twin", 2, 1, "Twin", List.of(), Map.of("brand", "A", "material", "down", "fit", "slim")),
                entry("two-shared", 1, 1, "Two", BUYABLE, Map.of("brand", "A", "material", "down")),
                entry("none-a", 0, 1, "None A", BUYABLE, Map.of("brand", "B")),
                entry("none-b", 0, 2, "None B", BUYABLE, Map.of()));
        List<Map<String, Object>> ranked = Alternatives.rank(soldOut, candidates);
        assertEquals(List.of("three-shared", "two-shared", "one-shared", "none-a"),
                ranked.stream().map(a -> a.get("productId")).toList());
    }
}
