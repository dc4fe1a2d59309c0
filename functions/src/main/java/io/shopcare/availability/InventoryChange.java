package io.shopcare.availability;

import java.util.List;

/**
 * One inventory stream record, reduced to what the projector needs. For a product, the
 * categories and SKUs it had before the change, so it can be removed where it no longer belongs.
 */
public record InventoryChange(String sequenceNumber, Kind kind, String id, List<String> previousCategories,
                              List<String> previousSkus) {
    public enum Kind { PRODUCT, LOCATION }
}
