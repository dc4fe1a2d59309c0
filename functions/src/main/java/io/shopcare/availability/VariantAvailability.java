package io.shopcare.availability;

import io.shopcare.catalog.Product.Variant;
import io.shopcare.catalog.Product;
import java.util.ArrayList;
import java.util.List;

/**
 * One variant's online availability: units available from the locations that ship online, and
 * the pre-order room when nothing is available. The rule every consumer of availability shares.
 */
public record VariantAvailability(Variant variant, Availability availability, long available, long preorderRemaining) {

    public static List<VariantAvailability> of(InventorySnapshot snapshot) {
        Product product = snapshot.product();
        List<VariantAvailability> result = new ArrayList<>();
        for (Variant variant : product.variants()) {
            long available = ProductProjection.onlineAvailable(snapshot.stock(variant.sku()), snapshot.locations());
            Availability availability = Availability.ofUnits(available, product.lowStockThreshold());
            long remaining = 0;
            if (availability == Availability.SOLD_OUT && variant.preorder() != null && variant.preorder().limit() > 0) {
                // Nothing is pre-ordered yet (orders come later), so the whole limit remains.
                availability = Availability.PREORDER;
                remaining = variant.preorder().limit();
            }
            result.add(new VariantAvailability(variant, availability, available, remaining));
        }
        return result;
    }

    public String sku() {
        return variant.sku();
    }
}
