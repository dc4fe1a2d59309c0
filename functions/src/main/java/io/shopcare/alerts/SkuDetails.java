package io.shopcare.alerts;

import io.shopcare.catalog.Money;
import io.shopcare.catalog.Product;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What an e-mail says about a SKU: its product, size/colour and price. */
public record SkuDetails(String sku, String productId, String productName, String size, String colour, Money price) {

    public static Optional<SkuDetails> of(Product product, String sku) {
        return product.variants().stream().filter(v -> v.sku().equals(sku)).findFirst()
                .map(v -> new SkuDetails(sku, product.productId(), product.name(), v.size(), v.colour(),
                        v.price() != null ? v.price() : product.price()));
    }

    /** "M, red"; empty when the variant has neither. */
    public String variantLabel() {
        return Stream.of(size, colour).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
    }

    /** The template model: product, variant (absent when empty), price in the reader's format. */
    public Map<String, Object> model(Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("sku", sku);
        model.put("product", productName);
        model.put("variant", variantLabel().isEmpty() ? false : variantLabel());
        model.put("price", EmailRenderer.price(price.amount(), price.currency(), language));
        return model;
    }
}
