package io.shopcare.returns.label.aws;

import io.shopcare.catalog.Carrier;
import io.shopcare.catalog.CatalogRepository;
import io.shopcare.mail.Language;
import io.shopcare.orders.Order;
import io.shopcare.orders.OrderStore;
import io.shopcare.returns.label.ReturnLabel;
import io.shopcare.returns.label.ReturnLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The label's facts from the stored order (one GetItem: the return lives in the order) and the
 * carrier's name from the catalog; the shop's return address comes from the template.
 */
final class OrderReturnLabels implements ReturnLabels {
    private final OrderStore orders;
    private final CatalogRepository catalog;
    private final List<String> shopAddress;

    OrderReturnLabels(OrderStore orders, CatalogRepository catalog, List<String> shopAddress) {
        this.orders = orders;
        this.catalog = catalog;
        this.shopAddress = List.copyOf(shopAddress);
    }

    @Override
    public Optional<ReturnLabel> find(String orderId, String returnId) {
        return orders.find(orderId).flatMap(order -> Optional.ofNullable(order.returnOf(returnId))
                .map(returned -> label(order, returned)));
    }

    private ReturnLabel label(Order order, Order.Return returned) {
        List<ReturnLabel.Line> lines = new ArrayList<>();
        for (Order.ReturnLine l : returned.lines()) {
            Order.Line line = order.line(l.sku());
            lines.add(new ReturnLabel.Line(line.name(), line.size(), line.colour(), l.quantity()));
        }
        String carrier = catalog.findCarrier(returned.carrier()).map(v -> v.value()).map(Carrier::name)
                .orElse(returned.carrier());
        Language language = Language.ofTag(order.customer().locale());
        return new ReturnLabel(returned.returnId(), returned.code(), order.orderId(), carrier, shopAddress,
                order.customer().name(), address(order.delivery().address()), lines, returned.createdAt(),
                language == null ? Language.EN : language);
    }

    /** The delivery address as printed lines; a pickup order has none (the parcel leaves from the shopper anyway). */
    static List<String> address(Map<String, Object> address) {
        if (address == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String field : List.of("street", "street2")) {
            if (address.get(field) instanceof String value && !value.isBlank()) {
                lines.add(value);
            }
        }
        String city = String.join(" ", java.util.stream.Stream.of(address.get("postcode"), address.get("city"))
                .filter(v -> v instanceof String s && !s.isBlank()).map(String.class::cast).toList());
        if (!city.isBlank()) {
            lines.add(city);
        }
        if (address.get("country") instanceof String country) {
            lines.add(country);
        }
        return lines;
    }
}
