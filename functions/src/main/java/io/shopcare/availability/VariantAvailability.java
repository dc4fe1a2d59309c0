package io.shopcare.availability;

import io.shopcare.catalog.Product.Variant;
import io.shopcare.catalog.Product;
import io.shopcare.stock.PreorderCount;
import java.util.ArrayList;
import java.util.List;

/**
 * One variant's online availability: units available from the locations that ship online beyond
 * those its waiting pre-orders will take, and the pre-order room (the limit less the units
 * pre-ordered and not cancelled) when nothing is available. The rule every consumer of availability shares.
 */
public record VariantAvailability(Variant variant, Availability availability, long available, long preorderRemaining) {

    public static List<VariantAvailability> of(InventorySnapshot snapshot) {
        Product product = snapshot.product();
        List<VariantAvailability> result = new ArrayList<>();
        for (Variant variant : product.variants()) {
            PreorderCount preorders = snapshot.preorders(variant.sku());
            long waiting = preorders.waiting();
            // Waiting pre-orders take arriving units first: only what is left beyond them is for sale.
            long available = Math.max(0,
                    ProductProjection.onlineAvailable(snapshot.stock(variant.sku()), snapshot.locations()) - waiting);
            Availability availability = Availability.ofUnits(available, product.lowStockThreshold());
            long remaining = 0;
            if (availability == Availability.SOLD_OUT && variant.preorder() != null
                    && preorders.room(variant.preorder().limit()) > 0) {
                availability = Availability.PREORDER;
                remaining = preorders.room(variant.preorder().limit());
            }
            result.add(new VariantAvailability(variant, availability, available, remaining));
        }
        return result;
    }

    public String sku() {
        return variant.sku();
    }
}
