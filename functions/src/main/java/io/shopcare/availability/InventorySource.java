package io.shopcare.availability;

import java.util.List;
import java.util.Optional;

/** Reads the current inventory state the projection is computed from. */
public interface InventorySource {

    /** The product aggregate as it is now (strongly consistent), or empty if there is no such product. */
    Optional<InventorySnapshot> load(String productId);

    /** Products with a stock level at the location. */
    List<String> productsStockedAt(String locationId);

    /** Marks the product changed (bumps its version) so its projection is recomputed from the stream. */
    void touch(String productId);
}
