package io.shopcare.testing;

import io.shopcare.catalog.Money;
import io.shopcare.catalog.Product;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Catalog fixtures for unit tests. */
public final class Products {
    /** A one-variant product: SKU {@code JK-M}, size M, red, 49.90 EUR, category {@code jackets}. */
    public static final Product JACKET = new Product("jacket", "Rain jacket", null, List.of("jackets"), 1, Map.of(),
            new Money(new BigDecimal("49.90"), "EUR"), 5,
            List.of(new Product.Variant("JK-M", "M", "red", null, null)));

    private Products() {
    }
}
